import Foundation
import Logging
import SQLKit
import Storage

/// Phone login with one-time codes: a code lives 5 minutes, allows 5 tries, and codes sent within an hour are
/// limited per phone, per client address and for the whole service (`CodeLimits`). A correct code logs in to the
/// phone's account, creating it on first login.
public struct OTPService: Sendable {
    public static let codeLifetime: TimeInterval = 5 * 60
    public static let maxAttempts = 5

    let database: Database
    let sender: any OTPSender
    let clock: any NowProvider
    let pepper: String
    let limits: CodeLimits

    /// - Parameter pepper: the server secret mixed into stored code hashes.
    public init(database: Database, sender: any OTPSender, clock: any NowProvider, pepper: String, limits: CodeLimits = CodeLimits()) {
        self.database = database
        self.sender = sender
        self.clock = clock
        self.pepper = pepper
        self.limits = limits
    }

    /// What the caller learns about a sent code.
    public struct Issued: Sendable {
        public let expiresAt: Date
        /// The code itself, only from a development sender.
        public let devCode: String?
    }

    /// Creates and sends a new code for the phone, asked for from `client` (its address); the codes sent before it
    /// stop working. Each limit is checked under its own lock (the phone's, then the client's, then the service's),
    /// so concurrent requests cannot pass one.
    public func requestCode(for phone: PhoneNumber, client: String = "") async throws -> Issued {
        let now = clock.now()
        let code = Secrets.sixDigitCode()
        let id = Identifier.make("otp")
        let engine = database.engine
        let pepper = self.pepper
        let client = String(client.prefix(64))
        let windowStart = Clock.millis(now.addingTimeInterval(-3600))
        let limits = self.limits
        let refusal: (CodeLimits.Scope, Int)? = try await database.transaction { db in
            let scopes: [(scope: CodeLimits.Scope, lock: String, filter: SQLQueryString, limit: Int)] = [
                (.phone, "otp:" + phone.value, "phone = \(bind: phone.value)", limits.perPhone),
                (.client, "otp-client:" + client, "client = \(bind: client)", limits.perClient),
                (.service, "otp-service", "1 = 1", limits.perService),
            ]
            for limit in scopes {
                try await db.lock(key: limit.lock, engine: engine)
                // The limit-th latest code of the hour, if there is one: the limit is reached, and frees when it is an hour old.
                let reached = try await db.raw(
                    """
                    SELECT created_at FROM otp_codes WHERE \(limit.filter) AND created_at > \(bind: windowStart)
                    ORDER BY created_at DESC LIMIT 1 OFFSET \(unsafeRaw: String(limit.limit - 1))
                    """
                ).first().map { try $0.decode(column: "created_at", as: Int64.self) }
                if let reached {
                    return (limit.scope, Clock.secondsUntil(Clock.date(millis: reached).addingTimeInterval(3600), from: now))
                }
            }
            try await db.raw(
                """
                INSERT INTO otp_codes (id, phone, client, code_hash, created_at, expires_at, attempts)
                VALUES (\(bind: id), \(bind: phone.value), \(bind: client), \(bind: Secrets.hash(phone.value + ":" + code, pepper: pepper)),
                        \(bind: Clock.millis(now)), \(bind: Clock.millis(now.addingTimeInterval(Self.codeLifetime))), 0)
                """
            ).run()
            return nil
        }
        if let (scope, retryAfter) = refusal { throw AccountsError.tooManyCodes(scope: scope, retryAfterSeconds: retryAfter) }
        do {
            try await sender.send(code: code, to: phone)
        } catch {
            // An undelivered code must not count against the hourly limit nor be usable.
            try? await database.write("DELETE FROM otp_codes WHERE id = \(bind: id)")
            throw AccountsError.deliveryFailed
        }
        // A delivered code voids the ones before it: otherwise an older code would come back to life once this one is
        // used (until then only the newest is ever checked).
        try await database.write(
            """
            UPDATE otp_codes SET consumed_at = \(bind: Clock.millis(now))
            WHERE phone = \(bind: phone.value) AND consumed_at IS NULL AND id <> \(bind: id)
            """)
        return Issued(expiresAt: now.addingTimeInterval(Self.codeLifetime), devCode: sender.revealsCode ? code : nil)
    }

    private enum Check: Sendable { case accepted(accountId: String), wrong, burnt, invalid }

    /// Checks a code; returns the account id it logs in to.
    public func verify(code: String, for phone: PhoneNumber) async throws -> String {
        let now = Clock.millis(clock.now())
        let presented = Secrets.hash(phone.value + ":" + code, pepper: pepper)
        let engine = database.engine
        // Failed tries are counted in the database, so the transaction commits them and the error is thrown after.
        let check: Check = try await database.transaction { db in
            try await db.lock(key: "otp:" + phone.value, engine: engine)
            guard
                let row = try await db.raw(
                    """
                    SELECT id, code_hash, expires_at, attempts FROM otp_codes
                    WHERE phone = \(bind: phone.value) AND consumed_at IS NULL
                    ORDER BY created_at DESC LIMIT 1
                    """
                ).first()
            else { return .invalid }
            let id = try row.decode(column: "id", as: String.self)
            let attempts = try row.decode(column: "attempts", as: Int.self)
            guard try row.decode(column: "expires_at", as: Int64.self) > now else { return .invalid }
            guard attempts < Self.maxAttempts else { return .burnt }
            guard try row.decode(column: "code_hash", as: String.self) == presented else {
                try await db.raw("UPDATE otp_codes SET attempts = attempts + 1 WHERE id = \(bind: id)").run()
                return attempts + 1 >= Self.maxAttempts ? .burnt : .wrong
            }
            try await db.raw("UPDATE otp_codes SET consumed_at = \(bind: now) WHERE id = \(bind: id)").run()
            try await db.raw(
                """
                INSERT INTO accounts (id, phone, patient_count, created_at)
                VALUES (\(bind: Identifier.make("acc")), \(bind: phone.value), 0, \(bind: now))
                ON CONFLICT (phone) DO NOTHING
                """
            ).run()
            let account = try await db.raw("SELECT id FROM accounts WHERE phone = \(bind: phone.value)").first()
            return .accepted(accountId: try account!.decode(column: "id", as: String.self))
        }
        switch check {
        case .accepted(let accountId): return accountId
        case .wrong, .invalid: throw AccountsError.invalidCode
        case .burnt: throw AccountsError.tooManyAttempts
        }
    }
}
