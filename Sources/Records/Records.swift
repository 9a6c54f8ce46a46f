import Foundation
import ModelRuntime
import SQLKit
import Storage

/// Encounters, their transcripts and their records: drafting, editing, signing, amending, reading, with every
/// read and write of a record in the audit log. Someone else's encounter or record is not found.
public struct Records: Sendable {
    /// Turns one request may add.
    public static let maximumTurnsPerRequest = 500
    /// Turns one encounter may hold.
    public static let maximumTurns = 2_000
    /// Characters in one turn.
    public static let maximumTurnCharacters = 4_000

    let database: Database
    let clock: any NowProvider
    let directory: any EncounterDirectory
    let engines: DraftingEngines

    public init(database: Database, clock: any NowProvider, directory: any EncounterDirectory, engines: DraftingEngines = DraftingEngines()) {
        self.database = database
        self.clock = clock
        self.directory = directory
        self.engines = engines
    }

    /// Opens the encounter of an appointment for its doctor (or an admin), or returns the one already open. What
    /// the patient told the companion before the visit becomes turn 0, speaker `previsit`.
    public func open(appointmentId: String, by actor: RecordActor) async throws -> (encounter: Encounter, created: Bool) {
        guard let parties = try await directory.parties(appointmentId: appointmentId) else { throw NotFound("appointment") }
        switch actor {
        case .admin: break
        case .doctor(_, let doctorId) where doctorId == parties.doctorId: break
        default: throw NotFound("appointment")
        }
        if let existing = try await database.sql.raw("SELECT * FROM encounters WHERE appointment_id = \(bind: appointmentId)").first() {
            return (try RecordRows.encounter(existing), false)
        }
        let complaint = try await directory.previsitComplaint(for: parties)
        let id = Identifier.make("enc")
        let now = Clock.millis(clock.now())
        let turnCount = complaint == nil ? 0 : 1
        let sealedComplaint = try database.seal(complaint, .transcript)
        let inserted: Bool = try await database.transaction { db in
            let row = try await db.raw(
                """
                INSERT INTO encounters (id, appointment_id, account_id, patient_id, patient_name, patient_gender, patient_birth_date,
                  doctor_id, doctor_name, department_name, starts_at, turn_count, opened_by, created_at)
                VALUES (\(bind: id), \(bind: appointmentId), \(bind: parties.accountId), \(bind: parties.patientId), \(bind: parties.patientName),
                  \(bind: parties.patientGender), \(bind: parties.patientBirthDate), \(bind: parties.doctorId), \(bind: parties.doctorName),
                  \(bind: parties.departmentName), \(bind: Clock.millis(parties.startsAt)), \(bind: turnCount), \(bind: actor.auditName), \(bind: now))
                ON CONFLICT (appointment_id) DO NOTHING RETURNING id
                """
            ).first()
            guard row != nil else { return false }
            if let sealedComplaint {
                try await db.raw(
                    """
                    INSERT INTO encounter_turns (encounter_id, seq, speaker, text, start_ms, end_ms, created_at)
                    VALUES (\(bind: id), 0, 'previsit', \(bind: sealedComplaint), NULL, NULL, \(bind: now))
                    """
                ).run()
            }
            try await RecordAudit.write(db, recordId: nil, encounterId: id, actor: actor, action: "open_encounter", at: now)
            return true
        }
        // Two doctors' devices opening at once: the second gets the first one's encounter.
        guard let row = try await database.sql.raw("SELECT * FROM encounters WHERE appointment_id = \(bind: appointmentId)").first() else {
            throw NotFound("appointment")
        }
        return (try RecordRows.encounter(row), inserted)
    }

    /// The encounter and its transcript, for its doctor or an admin.
    public func encounter(id: String, by actor: RecordActor) async throws -> (encounter: Encounter, transcript: [TranscriptTurn]) {
        let encounter = try await staffEncounter(id, actor)
        let transcript = try await transcript(of: id)
        try await RecordAudit.write(database, recordId: nil, encounterId: id, actor: actor, action: "read_transcript", at: Clock.millis(clock.now()))
        return (encounter, transcript)
    }

    /// Appends turns to the transcript (all or none) and returns how many the encounter now holds.
    public func appendTranscript(encounterId: String, turns: [TranscriptTurn], by actor: RecordActor) async throws -> Int {
        try Self.validate(turns)
        let encounter = try await staffEncounter(encounterId, actor)
        try await directory.requireConsent(to: .recording, accountId: encounter.accountId, patientId: encounter.patientId)
        let now = Clock.millis(clock.now())
        let count = turns.count
        let texts = try turns.map { try database.seal($0.text, .transcript) }
        let total: Int? = try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    UPDATE encounters SET turn_count = turn_count + \(bind: count)
                    WHERE id = \(bind: encounterId) AND turn_count + \(bind: count) <= \(bind: Self.maximumTurns) RETURNING turn_count
                    """
                ).first()
            else { return nil }
            let total = try row.decode(column: "turn_count", as: Int.self)
            var rows: [SQLQueryString] = []
            for (offset, turn) in turns.enumerated() {
                let seq = total - count + offset
                rows.append(
                    """
                    (\(bind: encounterId), \(bind: seq), \(bind: turn.speaker.rawValue), \(bind: texts[offset]),
                     \(bind: turn.startMs), \(bind: turn.endMs), \(bind: now))
                    """)
            }
            for chunk in stride(from: 0, to: rows.count, by: 100) {
                let values = rows[chunk..<min(chunk + 100, rows.count)].joined(separator: ", ")
                try await db.raw("INSERT INTO encounter_turns (encounter_id, seq, speaker, text, start_ms, end_ms, created_at) VALUES \(values)")
                    .run()
            }
            try await RecordAudit.write(db, recordId: nil, encounterId: encounterId, actor: actor, action: "append_transcript", at: now)
            return total
        }
        guard let total else { throw RecordsError.transcriptTooLong(limit: Self.maximumTurns) }
        return total
    }

    // MARK: Shared

    func staffEncounter(_ id: String, _ actor: RecordActor) async throws -> Encounter {
        guard let row = try await database.sql.raw("SELECT * FROM encounters WHERE id = \(bind: id)").first() else { throw NotFound("encounter") }
        let encounter = try RecordRows.encounter(row)
        guard actor.isStaff(of: encounter) else { throw NotFound("encounter") }
        return encounter
    }

    func transcript(of encounterId: String) async throws -> [TranscriptTurn] {
        try await database.sql.raw(
            """
            SELECT speaker, text, start_ms, end_ms FROM encounter_turns WHERE encounter_id = \(bind: encounterId) ORDER BY seq
            """
        ).all().map(RecordRows.turn)
    }

    static func validate(_ turns: [TranscriptTurn]) throws {
        guard !turns.isEmpty else { throw ValidationFailed([FieldError("turns", "Send at least one turn.")]) }
        guard turns.count <= maximumTurnsPerRequest else { throw RecordsError.transcriptTooLong(limit: maximumTurnsPerRequest) }
        var validator = Validator()
        for (index, turn) in turns.enumerated() {
            validator.check(turn.speaker != .previsit, "turns[\(index)].speaker", "Must be doctor, patient or other.")
            let text = turn.text.trimmingCharacters(in: .whitespacesAndNewlines)
            validator.check(!text.isEmpty, "turns[\(index)].text", "Must not be empty.")
            validator.check(turn.text.count <= maximumTurnCharacters, "turns[\(index)].text", "At most \(maximumTurnCharacters) characters.")
            if let start = turn.startMs, let end = turn.endMs {
                validator.check(start >= 0 && end >= start, "turns[\(index)].endMs", "Must not be before startMs.")
            }
        }
        try validator.throwIfFailed()
    }
}
