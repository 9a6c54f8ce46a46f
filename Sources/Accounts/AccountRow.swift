import Foundation
import SQLKit
import Storage

/// A patient account as stored: who signed in with which phone, and when first.
public struct AccountRow: Sendable, Equatable {
    public let id: String
    public let phone: String
    public let createdAt: Date

    /// The account, or nil when it does not exist (never did, or was deleted).
    public static func read(accountId: String, on db: any SQLDatabase) async throws -> AccountRow? {
        guard let row = try await db.raw("SELECT phone, created_at FROM accounts WHERE id = \(bind: accountId)").first() else { return nil }
        return AccountRow(
            id: accountId, phone: try row.decode(column: "phone", as: String.self),
            createdAt: Clock.date(millis: try row.decode(column: "created_at", as: Int64.self)))
    }

    /// Whether the account still exists (a deleted account's access tokens stop working).
    public static func exists(accountId: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT 1 AS one FROM accounts WHERE id = \(bind: accountId)").first() != nil
    }
}
