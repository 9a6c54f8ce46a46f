import Crypto
import Foundation
import ModelRuntime
import SQLKit
import Storage

/// What a signature covers, hashed with SHA-256 as canonical JSON (keys sorted, no insignificant spaces).
public struct SignedContent: Sendable, Codable, Equatable {
    public struct Section: Sendable, Codable, Equatable {
        public let key: String
        public let title: String
        public let text: String
    }

    public let recordId: String
    public let encounterId: String
    public let patientId: String
    public let template: String
    public let version: Int
    public let amends: String?
    public let sections: [Section]
    public let signedBy: String
    /// Milliseconds since 1970.
    public let signedAt: Int64

    /// The hex SHA-256 of the canonical JSON.
    public var sha256: String {
        let data = Data((try? RecordRows.json(self))?.utf8 ?? "".utf8)
        return SHA256.hash(data: data).hexDigits
    }

    init(
        record: ClinicalRecord, sections: [DraftSection], encounter: Encounter, signedBy: String, signedAt: Int64, recordId: String? = nil,
        version: Int? = nil, amends: String? = nil
    ) {
        self.recordId = recordId ?? record.id
        encounterId = encounter.id
        patientId = encounter.patientId
        template = record.template.rawValue
        self.version = version ?? record.version
        self.amends = amends
        self.sections = sections.map { Section(key: $0.key, title: $0.title, text: $0.text) }
        self.signedBy = signedBy
        self.signedAt = signedAt
    }
}

/// Signing and amending.
extension Records {
    /// Signs a draft (its encounter's doctor only): the record becomes immutable and its content hash is stored.
    public func sign(id: String, by actor: RecordActor) async throws -> ClinicalRecord {
        let (record, encounter) = try await staffRecord(id, actor)
        guard actor.isDoctor(of: encounter) else { throw RecordsError.notTheDoctor }
        guard record.status == .draft else { throw RecordsError.alreadySigned }
        let now = Clock.millis(clock.now())
        let hash = SignedContent(
            record: record, sections: record.sections, encounter: encounter, signedBy: actor.auditName, signedAt: now,
            amends: record.amends
        ).sha256
        let signed: Bool = try await database.transaction { db in
            guard
                try await db.raw(
                    """
                    UPDATE records SET status = 'signed', signed_by = \(bind: actor.auditName), signed_at = \(bind: now), content_sha256 = \(bind: hash),
                      updated_at = \(bind: now)
                    WHERE id = \(bind: id) AND status = 'draft' AND revision = \(bind: record.revision) RETURNING id
                    """
                ).first() != nil
            else { return false }
            try await RecordAudit.write(db, recordId: id, encounterId: encounter.id, actor: actor, action: "sign", at: now)
            return true
        }
        // Signed at the same moment by another request, or edited between the read and the signature.
        guard signed else { throw try await lostRace(id) }
        return try await stored(id)
    }

    /// Amends a signed record: a new signed version with the changed sections and the reason, linked to the one
    /// it amends, which is left as it was and marked as superseded.
    public func amend(id: String, sections edits: [(key: String, text: String)], reason: String, by actor: RecordActor) async throws -> ClinicalRecord
    {
        let (record, encounter) = try await staffRecord(id, actor)
        guard actor.isDoctor(of: encounter) else { throw RecordsError.notTheDoctor }
        let trimmedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedReason.isEmpty, trimmedReason.count <= 500 else {
            throw ValidationFailed([FieldError("reason", "Say why the record is amended (1 to 500 characters).")])
        }
        guard record.status == .signed else { throw RecordsError.notSigned }
        if let newer = record.supersededBy { throw RecordsError.superseded(by: newer) }
        let sections = try Self.applying(edits, to: record.sections, template: record.template)
        let newId = Identifier.make("rec")
        let now = Clock.millis(clock.now())
        let version = record.version + 1
        let hash = SignedContent(
            record: record, sections: sections, encounter: encounter, signedBy: actor.auditName, signedAt: now,
            recordId: newId, version: version, amends: id
        ).sha256
        let sealed = try StoredRevision(database, sections: sections, changes: Self.changes(from: record.sections, to: sections))
        let sealedReason = try database.seal(trimmedReason, .record)
        let amended: Bool = try await database.transaction { db in
            guard
                try await db.raw(
                    """
                    UPDATE records SET superseded_by = \(bind: newId) WHERE id = \(bind: id) AND superseded_by IS NULL RETURNING id
                    """
                ).first() != nil
            else { return false }
            try await db.raw(
                """
                INSERT INTO records (id, encounter_id, template, status, revision, version, engine, sections, transcript_turns, created_by,
                  created_at, updated_at, signed_by, signed_at, content_sha256, amends, amendment_reason)
                VALUES (\(bind: newId), \(bind: encounter.id), \(bind: record.template.rawValue), 'signed', 1, \(bind: version),
                  \(bind: try RecordRows.json(record.engine)), \(bind: sealed.sections), \(bind: record.transcriptTurns), \(bind: actor.auditName),
                  \(bind: now), \(bind: now), \(bind: actor.auditName), \(bind: now), \(bind: hash), \(bind: id), \(bind: sealedReason))
                """
            ).run()
            try await Self.insertRevision(db, recordId: newId, revision: 1, stored: sealed, author: actor, at: now)
            try await RecordAudit.write(db, recordId: id, encounterId: encounter.id, actor: actor, action: "amended", at: now)
            try await RecordAudit.write(db, recordId: newId, encounterId: encounter.id, actor: actor, action: "amend", at: now)
            return true
        }
        guard amended else {
            let current = try await stored(id)
            throw RecordsError.superseded(by: current.supersededBy ?? "")
        }
        return try await stored(newId)
    }

    /// Recomputes the hash of a signed record's content: equal to `contentSHA256` while nobody has touched the row.
    public func verify(_ record: ClinicalRecord, encounter: Encounter) -> Bool {
        guard let signedBy = record.signedBy, let signedAt = record.signedAt, let stored = record.contentSHA256 else { return false }
        return SignedContent(
            record: record, sections: record.sections, encounter: encounter, signedBy: signedBy, signedAt: Clock.millis(signedAt),
            amends: record.amends
        ).sha256 == stored
    }
}
