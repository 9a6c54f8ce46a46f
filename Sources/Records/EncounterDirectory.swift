import Foundation

/// Who an appointment brings together, as the record needs them (kept with the encounter, so the record reads
/// the same later even if a profile changes).
public struct EncounterParties: Sendable, Equatable {
    public var appointmentId: String
    public var accountId: String
    public var patientId: String
    public var patientName: String
    /// `male`, `female` or nil.
    public var patientGender: String?
    /// YYYY-MM-DD.
    public var patientBirthDate: String?
    public var doctorId: String
    public var doctorName: String
    public var departmentName: String
    public var startsAt: Date
    /// What the patient's profile says they are allergic to (told to the doctor as patient-reported).
    public var patientAllergies: [String]

    public init(
        appointmentId: String, accountId: String, patientId: String, patientName: String, patientGender: String?,
        patientBirthDate: String?, doctorId: String, doctorName: String, departmentName: String, startsAt: Date,
        patientAllergies: [String]
    ) {
        self.appointmentId = appointmentId
        self.accountId = accountId
        self.patientId = patientId
        self.patientName = patientName
        self.patientGender = patientGender
        self.patientBirthDate = patientBirthDate
        self.doctorId = doctorId
        self.doctorName = doctorName
        self.departmentName = departmentName
        self.startsAt = startsAt
        self.patientAllergies = patientAllergies
    }
}

/// What is done with a consultation that needs the patient's consent.
public enum EncounterProcessing: Sendable {
    /// Adding to the transcript.
    case recording
    /// Writing a draft from it.
    case drafting
}

/// What Records asks of the rest of the hospital: the parties of an appointment, what the patient told the
/// companion before the visit, and whether the patient consented. CompanionAPI answers it from Scheduling, Accounts
/// and Dialogue.
public protocol EncounterDirectory: Sendable {
    /// The appointment's parties, or nil when there is no such appointment (or it was cancelled).
    func parties(appointmentId: String) async throws -> EncounterParties?
    /// The patient's own description of the complaint from a conversation before the visit, if any.
    func previsitComplaint(for parties: EncounterParties) async throws -> String?
    /// Refuses `processing` of the patient's consultation unless they (or their guardian) consented to it.
    func requireConsent(to processing: EncounterProcessing, accountId: String, patientId: String) async throws
}
