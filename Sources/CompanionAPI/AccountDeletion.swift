import Accounts
import Crypto
import Dialogue
import Foundation
import Records
import Scheduling
import SQLKit
import Storage

/// What deleting an account removed, and what the hospital keeps.
struct AccountDeletionResult: Sendable {
    var profiles = 0
    var conversations = 0
    /// Booked appointments still to come, cancelled and their places offered to others.
    var cancelled: [Appointment] = []
    var registrationRows = 0
    var encounters = 0
    var spokenReplies = 0
    /// Signed records kept for the hospital (medical record retention), no longer naming the account.
    var keptSignedRecords = 0
}

/// Deleting an account (PIPL art. 47): everything the companion holds about the person goes in one transaction —
/// profiles, conversations, appointments (those still to come cancelled first), holds, waitlist entries,
/// notifications, encounters with their transcripts and drafts, what was spoken to them, consents, idempotency answers,
/// rate counters, tokens and login codes, and the account, so the phone signs up afresh. Signed records stay with
/// the hospital, their encounter naming a keyed pseudonym instead of the account.
struct AccountDeletion: Sendable {
    let database: Database
    let clock: any NowProvider
    let registration: Registration
    let tokens: TokenService
    let speechLibrary: SpeechLibrary
    private let pseudonymKey: SymmetricKey

    init(
        database: Database, clock: any NowProvider, registration: Registration, tokens: TokenService, speechLibrary: SpeechLibrary,
        secret: String
    ) {
        self.database = database
        self.clock = clock
        self.registration = registration
        self.tokens = tokens
        self.speechLibrary = speechLibrary
        pseudonymKey = SymmetricKey(data: SHA256.hash(data: Data(("account-pseudonym:" + secret).utf8)))
    }

    /// The name a deleted account's kept records carry: the same for the same account, meaningless without the secret.
    func pseudonym(of accountId: String) -> String {
        "erased_" + HMAC<SHA256>.authenticationCode(for: Data(accountId.utf8), using: pseudonymKey).prefix(12).hexDigits
    }

    func delete(accountId: String) async throws -> AccountDeletionResult {
        let now = clock.now()
        let pseudonym = pseudonym(of: accountId)
        let (result, departure, orphanedAudio) = try await database.transaction { db in
            var result = AccountDeletionResult()
            let departure = try await registration.depart(accountId: accountId, now: now, on: db)
            result.cancelled = departure.cancelled
            result.registrationRows = departure.deletedRows
            result.conversations = try await Conversations.deleteAll(accountId: accountId, on: db)
            let records = try await Records.erase(accountId: accountId, pseudonym: pseudonym, on: db)
            try await HealthAccessLog.pseudonymise(accountId: accountId, pseudonym: pseudonym, on: db)
            result.encounters = records.deletedEncounters
            result.keptSignedRecords = records.keptSigned
            let orphaned = try await SpeechLibrary.forget(subject: accountId, on: db)
            result.spokenReplies = orphaned.count
            let prefix = accountId + " "
            try await db.raw(
                """
                DELETE FROM idempotency_keys WHERE substr(owner, 1, length(\(bind: prefix))) = \(bind: prefix)
                """
            ).run()
            try await db.raw("DELETE FROM rate_counters WHERE subject = \(bind: accountId)").run()
            try await ConsentLedger.erase(accountId: accountId, on: db)
            guard let profiles = try await AccountErasure.erase(accountId: accountId, on: db) else { throw NotFound("account") }
            result.profiles = profiles
            return (result, departure, orphaned)
        }
        registration.departed(departure)
        tokens.accountDeleted(accountId)
        await speechLibrary.forgetAudio(orphanedAudio)
        return result
    }
}
