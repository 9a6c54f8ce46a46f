import Foundation
import ModelRuntime

/// A consultation tied to an appointment.
public struct Encounter: Sendable, Equatable {
    public let id: String
    public let appointmentId: String
    public let accountId: String
    public let patientId: String
    public let patientName: String
    public let patientGender: String?
    public let patientBirthDate: String?
    public let doctorId: String
    public let doctorName: String
    public let departmentName: String
    public let startsAt: Date
    public let turnCount: Int
    public let createdAt: Date
}

/// A record: a draft while the doctor edits it, then a signed version; an amendment is a new signed version that
/// points at the one it amends.
public struct ClinicalRecord: Sendable, Equatable {
    public enum Status: String, Sendable { case draft, signed }

    public let id: String
    public let encounterId: String
    public let template: DraftTemplate
    public let status: Status
    public let revision: Int
    public let version: Int
    public let engine: EngineInfo
    public let sections: [DraftSection]
    /// How many transcript turns the draft was written from.
    public let transcriptTurns: Int
    public let createdBy: String
    public let createdAt: Date
    public let updatedAt: Date
    public let signedBy: String?
    public let signedAt: Date?
    /// SHA-256 (hex) of the signed content; see `SignedContent`.
    public let contentSHA256: String?
    public let amends: String?
    public let amendmentReason: String?
    public let supersededBy: String?
}

/// One edit of a draft: the sections after it and what changed from the revision before.
public struct RecordRevision: Sendable, Equatable {
    public struct Change: Sendable, Codable, Equatable {
        public let key: String
        public let before: String?
        public let after: String?
    }

    public let revision: Int
    public let author: String
    public let createdAt: Date
    public let changes: [Change]
}

/// One line of the audit log: who did what to which record, when.
public struct AuditEntry: Sendable, Equatable {
    public let recordId: String?
    public let encounterId: String
    public let actor: String
    public let action: String
    public let at: Date
}

/// The short form of a record in a patient's list.
public struct RecordSummary: Sendable, Equatable {
    public let id: String
    public let encounterId: String
    public let doctorName: String
    public let departmentName: String
    public let visitAt: Date
    public let version: Int
    public let signedAt: Date?
}
