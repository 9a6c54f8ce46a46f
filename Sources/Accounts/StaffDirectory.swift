import Foundation
import HummingbirdBcrypt
import NIOPosix
import SQLKit
import Storage

/// Doctors and administrators: username and bcrypt-hashed password, created from the command line.
public struct StaffDirectory: Sendable {
    /// A staff member as others may see it (never with the password hash).
    public struct Member: Sendable, Equatable {
        public let id: String
        public let username: String
        public let role: Role
        public let displayName: String
        /// The directory doctor this account signs in as, for role `doctor`.
        public let doctorId: String?
    }

    static let bcryptCost: UInt8 = 12
    /// Wrong passwords allowed per username within `failureWindow` before logins for it pause.
    public static let maxFailures = 10
    public static let failureWindow: TimeInterval = 15 * 60
    // Checked against when the username is unknown, so a wrong username costs as much time as a wrong password.
    static let decoyHash = Bcrypt.hash("decoy-password-for-timing", cost: bcryptCost)

    let database: Database
    let clock: any NowProvider

    public init(database: Database, clock: any NowProvider) {
        self.database = database
        self.clock = clock
    }

    /// Creates a staff account. The password needs at least 10 characters.
    public func add(username: String, password: String, role: Role, displayName: String, doctorId: String? = nil) async throws -> Member {
        var validator = Validator()
        validator.check(
            Self.isWellFormed(username),
            "username", "3–32 characters: lowercase letters, digits, dot, dash, underscore")
        validator.check(password.count >= 10 && password.count <= 72, "password", "10–72 characters")
        validator.check(role != .patient, "role", "must be doctor or admin")
        validator.check(
            !displayName.trimmingCharacters(in: .whitespaces).isEmpty && displayName.count <= 50,
            "displayName", "1–50 characters")
        try validator.throwIfFailed()
        let hash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: Self.bcryptCost) }
        let member = Member(id: Identifier.make("stf"), username: username, role: role, displayName: displayName, doctorId: doctorId)
        do {
            try await database.write(
                """
                INSERT INTO staff (id, username, password_hash, role, display_name, doctor_id, created_at)
                VALUES (\(bind: member.id), \(bind: username), \(bind: hash), \(bind: role.rawValue), \(bind: displayName),
                        \(bind: doctorId), \(bind: Clock.millis(clock.now())))
                """)
        } catch  where ConstraintViolation.isUnique(error, index: "staff_username_key", columns: ["staff.username"]) {
            throw AccountsError.usernameTaken
        }
        return member
    }

    /// Checks a username and password; the error never says which of the two was wrong. Each attempt is counted
    /// before its password is checked, under a lock on the username, so concurrent guesses cannot pass the limits:
    /// `maxFailures` wrong passwords per username and client within `failureWindow`, and `maxFailuresPerUsername`
    /// from all clients together. A client's pause ends when the oldest of its failures leaves the window; another
    /// client (the doctor at their desk) is not paused by it.
    public func authenticate(username: String, password: String, client: String) async throws -> Member {
        // A name no account can have is refused at once, and never stored.
        guard Self.isWellFormed(username), password.count <= 72 else { throw AccountsError.invalidCredentials }
        let now = clock.now()
        let client = String(client.prefix(64))
        let attempt = Identifier.make("slf")
        try await reserveAttempt(attempt, username: username, client: client, now: now)
        let row = try await database.sql.raw(
            """
            SELECT id, username, password_hash, role, display_name, doctor_id, disabled_at FROM staff WHERE username = \(bind: username)
            """
        ).first()
        let hash = try row?.decode(column: "password_hash", as: String.self) ?? Self.decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        // A disabled account answers as a wrong password does, after the same work.
        guard matches, let row, try row.decodeNil(column: "disabled_at") else { throw AccountsError.invalidCredentials }
        try await database.write(
            """
            DELETE FROM staff_login_failures WHERE username = \(bind: username) AND (client = \(bind: client) OR id = \(bind: attempt))
            """)
        return try Self.member(from: row)
    }

    /// Wrong passwords allowed per username from all clients together within `failureWindow`.
    public static let maxFailuresPerUsername = 100

    static func isWellFormed(_ username: String) -> Bool {
        username.range(of: #"^[a-z0-9._-]{3,32}$"#, options: .regularExpression) != nil
    }

    /// Counts this attempt as a failure until it succeeds, or refuses it when a limit is reached.
    private func reserveAttempt(_ id: String, username: String, client: String, now: Date) async throws {
        let since = Clock.millis(now.addingTimeInterval(-Self.failureWindow))
        let engine = database.engine
        try await database.transaction { db in
            try await db.lock(key: "staff-login:\(username)", engine: engine)
            let failures = try await db.raw(
                """
                SELECT client, at FROM staff_login_failures WHERE username = \(bind: username) AND at > \(bind: since) ORDER BY at
                """
            ).all().map { (client: try $0.decode(column: "client", as: String.self), at: try $0.decode(column: "at", as: Int64.self)) }
            let mine = failures.filter { $0.client == client }
            for (list, limit) in [(mine, Self.maxFailures), (failures, Self.maxFailuresPerUsername)] where list.count >= limit {
                let freeAt = Clock.date(millis: list[list.count - limit].at).addingTimeInterval(Self.failureWindow)
                throw AccountsError.tooManyLoginAttempts(retryAfterSeconds: Clock.secondsUntil(freeAt, from: now))
            }
            try await db.raw(
                """
                INSERT INTO staff_login_failures (id, username, client, at)
                VALUES (\(bind: id), \(bind: username), \(bind: client), \(bind: Clock.millis(now)))
                """
            ).run()
        }
    }

    /// Disables a staff account (or enables it again). A disabled account cannot log in and its logins end: every
    /// refresh token is revoked at once, and the access tokens already issued run out within 15 minutes.
    public func setDisabled(_ disabled: Bool, username: String) async throws -> Member {
        let now = Clock.millis(clock.now())
        return try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT id, username, role, display_name, doctor_id FROM staff WHERE username = \(bind: username)
                    """
                ).first()
            else { throw NotFound("staff member") }
            let member = try Self.member(from: row)
            try await db.raw("UPDATE staff SET disabled_at = \(bind: disabled ? now : nil) WHERE id = \(bind: member.id)").run()
            if disabled {
                try await db.raw(
                    """
                    UPDATE refresh_tokens SET revoked_at = \(bind: now) WHERE subject_id = \(bind: member.id) AND revoked_at IS NULL
                    """
                ).run()
            }
            return member
        }
    }

    /// The staff member with this id, if any.
    public func member(id: String) async throws -> Member? {
        try await database.sql.raw("SELECT id, username, role, display_name, doctor_id FROM staff WHERE id = \(bind: id)")
            .first().map(Self.member(from:))
    }

    static func member(from row: any SQLRow) throws -> Member {
        Member(
            id: try row.decode(column: "id", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .doctor,
            displayName: try row.decode(column: "display_name", as: String.self),
            doctorId: try row.decode(column: "doctor_id", as: String?.self)
        )
    }
}
