import Foundation
import SQLKit
import Storage

/// Why a message was refused.
public enum DialogueError: Error, Equatable, Sendable {
    /// More characters than one message may have.
    case messageTooLong(limit: Int)
    /// Another device changed the conversation at the same moment, three times in a row.
    case busy
}

/// A conversation as its owner reads it back.
public struct ConversationRecord: Sendable {
    public struct Turn: Sendable {
        public let seq: Int
        public let role: String
        public let text: String
        public let reply: Reply?
        public let createdAt: Date
    }

    public let id: String
    public let patientId: String?
    public let state: ConversationState
    public let turns: [Turn]
    public let createdAt: Date
    public let updatedAt: Date
}

/// Stored conversations of accounts: every read and write is scoped to the owning account (another account's
/// conversation is not found). A turn is saved with the state it led to in one transaction.
public struct Conversations: Sendable {
    public static let maximumMessageCharacters = 2_000

    let database: Database
    let clock: any NowProvider
    let policy: ConversationPolicy

    public init(database: Database, clock: any NowProvider, policy: ConversationPolicy) {
        self.database = database
        self.clock = clock
        self.policy = policy
    }

    /// Starts a conversation (the patient profile, when given, must already be checked to be the account's; its age
    /// in years, from the birth date, routes triage — a child goes to 儿科 without being asked) and returns its id and
    /// the greeting. `hospitalId` is the hospital the conversation is with (already checked to exist).
    public func start(
        accountId: String, patientId: String?, patientAgeYears: Double? = nil, hospitalId: String? = nil,
        language: Language
    ) async throws -> (id: String, reply: Reply) {
        let id = Identifier.make("conv")
        var state = ConversationState(language: language, patientId: patientId)
        state.hospitalId = hospitalId
        state.facts.ageYears = patientAgeYears
        state.facts.isChild = patientAgeYears.map { $0 < 14 } ?? false
        state.facts.isElderly = patientAgeYears.map { $0 >= 65 } ?? false
        let reply = try await policy.greeting(state)
        let now = Clock.millis(clock.now())
        let stateJSON = try database.seal(try Self.json(state), .conversation)
        let greeting = try SealedTurn(database, text: reply.text, reply: reply)
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO conversations (id, account_id, patient_id, state, version, turn_count, created_at, updated_at)
                VALUES (\(bind: id), \(bind: accountId), \(bind: patientId), \(bind: stateJSON), 0, 1, \(bind: now), \(bind: now))
                """
            ).run()
            try await Self.insertTurn(db, conversationId: id, seq: 1, role: "companion", turn: greeting, at: now)
        }
        return (id, reply)
    }

    /// Answers a message and saves both with the new state.
    public func send(accountId: String, conversationId: String, text: String) async throws -> Reply {
        let cleaned = Self.clean(text)
        guard cleaned.count <= Self.maximumMessageCharacters else { throw DialogueError.messageTooLong(limit: Self.maximumMessageCharacters) }
        guard cleaned.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            throw ValidationFailed([FieldError("text", "Say something in words: the message is empty, or only emoji and symbols.")])
        }
        for _ in 0..<3 {
            guard
                let row = try await database.sql.raw(
                    """
                    SELECT state, version, turn_count FROM conversations WHERE id = \(bind: conversationId) AND account_id = \(bind: accountId)
                    """
                ).first()
            else { throw NotFound("conversation") }
            var state = try Self.state(row)
            let version = try row.decode(column: "version", as: Int.self)
            let turns = try row.decode(column: "turn_count", as: Int.self)
            let today = Today(clock.now(), in: try await policy.timeZone(of: state))
            let reply = try await policy.respond(to: cleaned, state: &state, accountId: accountId, today: today)
            let now = Clock.millis(clock.now())
            let stateJSON = try database.seal(try Self.json(state), .conversation)
            let message = try database.seal(cleaned, .conversation)
            let answer = try SealedTurn(database, text: reply.text, reply: reply)
            let saved: Bool = try await database.transaction { db in
                let updated = try await db.raw(
                    """
                    UPDATE conversations SET state = \(bind: stateJSON), version = version + 1, turn_count = turn_count + 2,
                      updated_at = \(bind: now)
                    WHERE id = \(bind: conversationId) AND version = \(bind: version) RETURNING id
                    """
                ).first()
                guard updated != nil else { return false }
                // Both turns in one statement: one trip to the single SQLite writer fewer per turn.
                try await db.raw(
                    """
                    INSERT INTO conversation_turns (conversation_id, seq, role, text, reply, created_at)
                    VALUES (\(bind: conversationId), \(bind: turns + 1), 'patient', \(bind: message), NULL, \(bind: now)),
                           (\(bind: conversationId), \(bind: turns + 2), 'companion', \(bind: answer.text), \(bind: answer.reply), \(bind: now))
                    """
                ).run()
                return true
            }
            if saved { return reply }
        }
        throw DialogueError.busy
    }

    /// The conversation with its state and every turn, oldest first.
    public func get(accountId: String, id: String) async throws -> ConversationRecord {
        guard
            let row = try await database.sql.raw(
                """
                SELECT * FROM conversations WHERE id = \(bind: id) AND account_id = \(bind: accountId)
                """
            ).first()
        else { throw NotFound("conversation") }
        let turnRows = try await database.sql.raw(
            """
            SELECT * FROM conversation_turns WHERE conversation_id = \(bind: id) ORDER BY seq
            """
        ).all()
        let decoder = JSONDecoder()
        let turns = try turnRows.map { turn in
            ConversationRecord.Turn(
                seq: try turn.decode(column: "seq", as: Int.self), role: try turn.decode(column: "role", as: String.self),
                text: try Sealed.open(try turn.decode(column: "text", as: String.self), .conversation),
                reply: try Sealed.open(try turn.decode(column: "reply", as: String?.self), .conversation)
                    .map { try decoder.decode(Reply.self, from: Data($0.utf8)) },
                createdAt: Clock.date(millis: try turn.decode(column: "created_at", as: Int64.self)))
        }
        return ConversationRecord(
            id: id, patientId: try row.decode(column: "patient_id", as: String?.self),
            state: try Self.state(row),
            turns: turns, createdAt: Clock.date(millis: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Clock.date(millis: try row.decode(column: "updated_at", as: Int64.self)))
    }

    /// The patient's own first description of the complaint, from the account's most recent conversation about this
    /// appointment, else about this patient profile (for the doctor's record, marked as patient-reported).
    public func complaint(accountId: String, patientId: String, appointmentId: String) async throws -> String? {
        let rows = try await database.sql.raw(
            """
            SELECT state FROM conversations WHERE account_id = \(bind: accountId) ORDER BY updated_at DESC LIMIT 20
            """
        ).all()
        let states = try rows.map(Self.state)
        let about =
            states.first { $0.visit?.appointmentId == appointmentId && $0.facts.complaint != nil }
            ?? states.first { ($0.patientId == patientId || $0.visit?.patientId == patientId) && $0.facts.complaint != nil }
        return about?.facts.complaint
    }

    /// Forgets a conversation: its turns and state are deleted, not hidden.
    public func delete(accountId: String, id: String) async throws {
        let deleted: Bool = try await database.transaction { db in
            guard try await db.raw("SELECT id FROM conversations WHERE id = \(bind: id) AND account_id = \(bind: accountId)").first() != nil else {
                return false
            }
            try await db.raw("DELETE FROM conversation_turns WHERE conversation_id = \(bind: id)").run()
            try await db.raw("DELETE FROM conversations WHERE id = \(bind: id)").run()
            return true
        }
        guard deleted else { throw NotFound("conversation") }
    }

    /// Control characters out (newlines and tabs become spaces), whitespace trimmed.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control: if scalar == "\n" || scalar == "\t" || scalar == "\r" { scalars.append(" ") }
            case .format, .surrogate, .privateUse, .unassigned: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// The state of a `conversations` row, opened and decoded.
    static func state(_ row: any SQLRow) throws -> ConversationState {
        let state = try Sealed.open(try row.decode(column: "state", as: String.self), .conversation)
        return try JSONDecoder().decode(ConversationState.self, from: Data(state.utf8))
    }

    private static func insertTurn(
        _ db: any SQLDatabase, conversationId: String, seq: Int, role: String, turn: SealedTurn,
        at millis: Int64
    ) async throws {
        try await db.raw(
            """
            INSERT INTO conversation_turns (conversation_id, seq, role, text, reply, created_at)
            VALUES (\(bind: conversationId), \(bind: seq), \(bind: role), \(bind: turn.text), \(bind: turn.reply), \(bind: millis))
            """
        ).run()
    }
}

/// A companion turn as stored: its text and its reply, each sealed.
struct SealedTurn {
    let text: String
    let reply: String

    init(_ database: Database, text: String, reply: Reply) throws {
        self.text = try database.seal(text, .conversation)
        self.reply = try database.seal(try Conversations.json(reply), .conversation)
    }
}
