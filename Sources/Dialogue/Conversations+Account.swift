import Foundation
import SQLKit
import Storage

/// A conversation as its account's list shows it.
public struct ConversationSummary: Sendable {
    public let id: String
    public let patientId: String?
    public let stage: String
    public let language: String
    /// The complaint in the patient's own first words, when one was said.
    public let complaint: String?
    public let createdAt: Date
    public let updatedAt: Date
}

/// What an account sees and forgets of its conversations as a whole ("forget me").
extension Conversations {
    /// The account's conversations, most recently active first, at most `limit`.
    public func list(accountId: String, limit: Int = 100) async throws -> [ConversationSummary] {
        let rows = try await database.sql.raw(
            """
            SELECT id, patient_id, state, created_at, updated_at FROM conversations WHERE account_id = \(bind: accountId)
            ORDER BY updated_at DESC, id LIMIT \(bind: limit)
            """
        ).all()
        return try rows.map { row in
            let state = try Self.state(row)
            return ConversationSummary(
                id: try row.decode(column: "id", as: String.self), patientId: try row.decode(column: "patient_id", as: String?.self),
                stage: state.stage.rawValue, language: state.language.rawValue, complaint: state.facts.complaint,
                createdAt: Clock.date(millis: try row.decode(column: "created_at", as: Int64.self)),
                updatedAt: Clock.date(millis: try row.decode(column: "updated_at", as: Int64.self)))
        }
    }

    /// The profile a conversation of the account is about (nil for none); not found for someone else's.
    public func patientId(accountId: String, conversationId: String) async throws -> String? {
        guard
            let row = try await database.sql.raw(
                """
                SELECT patient_id FROM conversations WHERE id = \(bind: conversationId) AND account_id = \(bind: accountId)
                """
            ).first()
        else { throw NotFound("conversation") }
        return try row.decode(column: "patient_id", as: String?.self)
    }

    /// Forgets every conversation of the account, turns and state deleted, in one transaction; how many there were.
    public func deleteAll(accountId: String) async throws -> Int {
        try await database.transaction { db in try await Self.deleteAll(accountId: accountId, on: db) }
    }

    /// Forgets every conversation of the account inside the caller's transaction; how many there were.
    public static func deleteAll(accountId: String, on db: any SQLDatabase) async throws -> Int {
        try await db.raw(
            """
            DELETE FROM conversation_turns WHERE conversation_id IN (SELECT id FROM conversations WHERE account_id = \(bind: accountId))
            """
        ).run()
        return try await db.raw("DELETE FROM conversations WHERE account_id = \(bind: accountId) RETURNING 1 AS gone").all().count
    }
}
