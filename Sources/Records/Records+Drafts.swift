import Foundation
import ModelRuntime
import SQLKit
import Storage

/// Drafting and the doctor's edits.
extension Records {
    /// Drafts a record from the encounter's transcript with the chosen engine and template.
    public func draft(encounterId: String, template: DraftTemplate?, engine engineName: String?, by actor: RecordActor) async throws -> ClinicalRecord
    {
        let engine = try engines.engine(named: engineName)
        let encounter = try await staffEncounter(encounterId, actor)
        try await directory.requireConsent(to: .drafting, accountId: encounter.accountId, patientId: encounter.patientId)
        let transcript = try await transcript(of: encounterId)
        guard transcript.contains(where: { $0.speaker != .previsit }) else { throw RecordsError.emptyTranscript }
        let chosen = template ?? (transcript.contains { $0.text.unicodeScalars.contains { $0.properties.isIdeographic } } ? .zhOutpatient : .enSOAP)
        // The names of the people in the room are hidden from a remote model along with what the redactor finds.
        let draft = try await engine.draft(
            DraftRequest(transcript: transcript, template: chosen, knownNames: [encounter.patientName, encounter.doctorName]))
        let id = Identifier.make("rec")
        let now = Clock.millis(clock.now())
        let sealed = try StoredRevision(
            database, sections: draft.sections,
            changes: draft.sections.map { RecordRevision.Change(key: $0.key, before: nil, after: $0.text) })
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO records (id, encounter_id, template, status, revision, version, engine, sections, transcript_turns, created_by,
                  created_at, updated_at)
                VALUES (\(bind: id), \(bind: encounterId), \(bind: chosen.rawValue), 'draft', 1, 1, \(bind: try RecordRows.json(draft.engine)),
                  \(bind: sealed.sections), \(bind: transcript.count), \(bind: actor.auditName), \(bind: now), \(bind: now))
                """
            ).run()
            try await Self.insertRevision(db, recordId: id, revision: 1, stored: sealed, author: actor, at: now)
            try await RecordAudit.write(db, recordId: id, encounterId: encounterId, actor: actor, action: "draft", at: now)
        }
        return try await stored(id)
    }

    /// What the transcript the draft was written from says that the draft's text, as it reads now, leaves out: for
    /// the doctor to check before signing; nil for a signed record, which has none to check.
    public func omissions(of record: ClinicalRecord) async throws -> [Omission]? {
        guard record.status == .draft else { return nil }
        let transcript = try await transcript(of: record.encounterId).prefix(record.transcriptTurns)
        return OmissionCheck.omissions(in: record.sections, of: Array(transcript), template: record.template)
    }

    /// The record, for the encounter's doctor or an admin, or for the patient when it is theirs and signed.
    public func record(id: String, by actor: RecordActor, action: String = "read") async throws -> (record: ClinicalRecord, encounter: Encounter) {
        let (record, encounter) = try await readable(id, actor)
        try await RecordAudit.write(database, recordId: id, encounterId: encounter.id, actor: actor, action: action, at: Clock.millis(clock.now()))
        return (record, encounter)
    }

    /// Edits a draft: the sections given get the doctor's text; a new revision is kept with what changed. Statements
    /// whose text the doctor removed leave with it. `baseRevision`, when given, must be the current revision.
    public func edit(id: String, sections edits: [(key: String, text: String)], baseRevision: Int?, by actor: RecordActor) async throws
        -> ClinicalRecord
    {
        let (record, encounter) = try await staffRecord(id, actor)
        guard record.status == .draft else { throw RecordsError.alreadySigned }
        if let baseRevision, baseRevision != record.revision { throw RecordsError.staleRevision(current: record.revision) }
        let sections = try Self.applying(edits, to: record.sections, template: record.template)
        let changes = Self.changes(from: record.sections, to: sections)
        guard !changes.isEmpty else { return record }
        let sealed = try StoredRevision(database, sections: sections, changes: changes)
        let now = Clock.millis(clock.now())
        let next = record.revision + 1
        let saved: Bool = try await database.transaction { db in
            guard
                try await db.raw(
                    """
                    UPDATE records SET sections = \(bind: sealed.sections), revision = \(bind: next), updated_at = \(bind: now)
                    WHERE id = \(bind: id) AND status = 'draft' AND revision = \(bind: record.revision) RETURNING id
                    """
                ).first() != nil
            else { return false }
            try await Self.insertRevision(db, recordId: id, revision: next, stored: sealed, author: actor, at: now)
            try await RecordAudit.write(db, recordId: id, encounterId: encounter.id, actor: actor, action: "edit", at: now)
            return true
        }
        guard saved else { throw try await lostRace(id) }
        return try await stored(id)
    }

    /// Why a conditional write of a draft found it changed: signed meanwhile, or edited to a newer revision.
    func lostRace(_ id: String) async throws -> RecordsError {
        let current = try await stored(id)
        return current.status == .signed ? .alreadySigned : .staleRevision(current: current.revision)
    }

    /// Every revision of a draft with what changed, oldest first.
    public func revisions(id: String, by actor: RecordActor) async throws -> [RecordRevision] {
        let (_, encounter) = try await staffRecord(id, actor)
        let rows = try await database.sql.raw("SELECT * FROM record_revisions WHERE record_id = \(bind: id) ORDER BY revision").all()
        try await RecordAudit.write(
            database, recordId: id, encounterId: encounter.id, actor: actor, action: "read_revisions",
            at: Clock.millis(clock.now()))
        return try rows.map { row in
            RecordRevision(
                revision: try row.decode(column: "revision", as: Int.self), author: try row.decode(column: "author", as: String.self),
                createdAt: Clock.date(millis: try row.decode(column: "created_at", as: Int64.self)),
                changes: try JSONDecoder().decode(
                    [RecordRevision.Change].self,
                    from: Data(try Sealed.open(try row.decode(column: "diff", as: String.self), .record).utf8)))
        }
    }

    /// The signed records of a patient account, newest first.
    public func signedRecords(accountId: String) async throws -> [RecordSummary] {
        try await database.sql.raw(
            """
            SELECT r.id, r.encounter_id, r.version, r.signed_at, e.doctor_name, e.department_name, e.starts_at
            FROM records r JOIN encounters e ON e.id = r.encounter_id
            WHERE e.account_id = \(bind: accountId) AND r.status = 'signed'
            ORDER BY r.signed_at DESC, r.id
            """
        ).all().map { row in
            RecordSummary(
                id: try row.decode(column: "id", as: String.self), encounterId: try row.decode(column: "encounter_id", as: String.self),
                doctorName: try row.decode(column: "doctor_name", as: String.self),
                departmentName: try row.decode(column: "department_name", as: String.self),
                visitAt: Clock.date(millis: try row.decode(column: "starts_at", as: Int64.self)),
                version: try row.decode(column: "version", as: Int.self),
                signedAt: try row.decode(column: "signed_at", as: Int64?.self).map(Clock.date(millis:)))
        }
    }

    // MARK: Shared

    func stored(_ id: String) async throws -> ClinicalRecord {
        guard let row = try await database.sql.raw("SELECT * FROM records WHERE id = \(bind: id)").first() else { throw NotFound("record") }
        return try RecordRows.record(row)
    }

    func storedWithEncounter(_ id: String) async throws -> (ClinicalRecord, Encounter) {
        let record = try await stored(id)
        guard let row = try await database.sql.raw("SELECT * FROM encounters WHERE id = \(bind: record.encounterId)").first() else {
            throw NotFound("record")
        }
        return (record, try RecordRows.encounter(row))
    }

    func staffRecord(_ id: String, _ actor: RecordActor) async throws -> (ClinicalRecord, Encounter) {
        let (record, encounter) = try await storedWithEncounter(id)
        guard actor.isStaff(of: encounter) else { throw NotFound("record") }
        return (record, encounter)
    }

    func readable(_ id: String, _ actor: RecordActor) async throws -> (ClinicalRecord, Encounter) {
        let (record, encounter) = try await storedWithEncounter(id)
        switch actor {
        case .patient(let accountId):
            guard accountId == encounter.accountId, record.status == .signed else { throw NotFound("record") }
        default:
            guard actor.isStaff(of: encounter) else { throw NotFound("record") }
        }
        return (record, encounter)
    }

    static func applying(_ edits: [(key: String, text: String)], to sections: [DraftSection], template: DraftTemplate) throws -> [DraftSection] {
        var validator = Validator()
        var seen: Set<String> = []
        for (index, edit) in edits.enumerated() {
            validator.check(template.section(edit.key) != nil, "sections[\(index)].key", "Not a section of \(template.rawValue).")
            validator.check(seen.insert(edit.key).inserted, "sections[\(index)].key", "Given twice.")
            validator.check(edit.text.count <= maximumTurnCharacters, "sections[\(index)].text", "At most \(maximumTurnCharacters) characters.")
        }
        validator.check(!edits.isEmpty, "sections", "Give at least one section.")
        try validator.throwIfFailed()
        return sections.map { section in
            guard let edit = edits.first(where: { $0.key == section.key }) else { return section }
            var changed = section
            changed.text = edit.text
            changed.statements = section.statements.filter { edit.text.contains($0.text) }
            return changed
        }
    }

    static func changes(from old: [DraftSection], to new: [DraftSection]) -> [RecordRevision.Change] {
        new.compactMap { section in
            let before = old.first { $0.key == section.key }?.text
            return before == section.text ? nil : RecordRevision.Change(key: section.key, before: before, after: section.text)
        }
    }

    static func insertRevision(
        _ db: any SQLDatabase, recordId: String, revision: Int, stored: StoredRevision,
        author: RecordActor, at millis: Int64
    ) async throws {
        try await db.raw(
            """
            INSERT INTO record_revisions (record_id, revision, sections, diff, author, created_at)
            VALUES (\(bind: recordId), \(bind: revision), \(bind: stored.sections), \(bind: stored.diff), \(bind: author.auditName), \(bind: millis))
            """
        ).run()
    }
}

/// A revision's sections and what changed, as stored: JSON, sealed.
struct StoredRevision {
    let sections: String
    let diff: String

    init(_ database: Database, sections: [DraftSection], changes: [RecordRevision.Change]) throws {
        self.sections = try database.seal(try RecordRows.json(sections), .record)
        diff = try database.seal(try RecordRows.json(changes), .record)
    }
}
