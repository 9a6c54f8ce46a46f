import Foundation
import SQLKit
import Storage

/// The rows of the Accounts module about one account, deleted when the account is.
public enum AccountErasure {
    /// Deletes the account's profiles, refresh tokens, login codes and the account itself inside the caller's
    /// transaction (other modules' rows that name a profile go first); how many profiles there were. The phone is
    /// free afterwards: signing in with it again makes a new account. Nil when the account does not exist.
    public static func erase(accountId: String, on db: any SQLDatabase) async throws -> Int? {
        guard let account = try await db.raw("SELECT phone FROM accounts WHERE id = \(bind: accountId)").first() else { return nil }
        let phone = try account.decode(column: "phone", as: String.self)
        try await db.raw("DELETE FROM refresh_tokens WHERE subject_id = \(bind: accountId) AND role = 'patient'").run()
        try await db.raw("DELETE FROM otp_codes WHERE phone = \(bind: phone)").run()
        let profiles = try await db.raw("DELETE FROM patients WHERE account_id = \(bind: accountId) RETURNING 1 AS gone").all().count
        try await db.raw("DELETE FROM accounts WHERE id = \(bind: accountId)").run()
        return profiles
    }
}
