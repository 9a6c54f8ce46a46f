import Foundation
import JWTKit
import SQLKit
import Storage

/// Access and refresh tokens. Access tokens are short-lived signed JWTs (HS256); refresh tokens are random,
/// stored only as hashes, used once, and rotated. Presenting a used refresh token again means it was stolen
/// or replayed, so the whole family (every token descending from one login) is revoked.
public struct TokenService: Sendable {
    public static let accessLifetime: TimeInterval = 15 * 60
    public static let refreshLifetime: TimeInterval = 30 * 24 * 3600

    /// A fresh pair of tokens.
    public struct Pair: Sendable {
        public let accessToken: String
        public let refreshToken: String
        public let expiresIn: Int
        public let principal: Principal
    }

    struct AccessClaims: JWTPayload {
        let sub: SubjectClaim
        let exp: ExpirationClaim
        let iat: IssuedAtClaim
        let iss: IssuerClaim
        let role: String

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static let issuer = "companion"

    let database: Database
    let keys: JWTKeyCollection
    let clock: any NowProvider
    let secret: String
    /// Access tokens whose signature this instance has checked, with the principal they name, until they expire. An
    /// app sends the same token with every request of its 15 minutes, and checking it (base64, HMAC, two JSON
    /// documents) cost more than many a handler. Kept by the whole token, signature included: only the very token
    /// that was verified is found. A patient's token stops working when the account is deleted: its account is looked up
    /// when the token is first seen and again once `accountRecheck` has passed (at once on the instance that deleted it).
    let verified = BoundedMemory<String, VerifiedToken>()
    /// Accounts this instance has deleted.
    let deletedAccounts = BoundedMemory<String, Bool>()
    /// How long another instance may go on honouring a deleted account's access token.
    public static let accountRecheck: TimeInterval = 30

    struct VerifiedToken: Sendable {
        let principal: Principal
        let expires: Date
        let accountChecked: Date
    }

    /// - Parameter secret: the HMAC key for access tokens and the pepper for refresh-token hashes.
    public init(database: Database, secret: String, clock: any NowProvider) async {
        self.database = database
        self.clock = clock
        self.secret = secret
        self.keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// Starts a new token family for a principal that has just proved who it is.
    public func issue(for principal: Principal) async throws -> Pair {
        let refresh = Secrets.randomToken()
        try await database.transaction { db in
            try await storeRefresh(refresh, family: Identifier.make("fam"), principal: principal, on: db)
        }
        return try await pair(for: principal, refresh: refresh)
    }

    private enum Rotation: Sendable { case rotated(Principal, String), reused, invalid }

    /// Signs out the login a refresh token belongs to: every refresh token of its family is revoked (access tokens
    /// already issued run out within 15 minutes). An unknown token changes nothing, and says so to no one.
    public func revokeFamily(of token: String) async throws {
        let hash = Secrets.hash(token, pepper: secret)
        let now = Clock.millis(clock.now())
        try await database.write(
            """
            UPDATE refresh_tokens SET revoked_at = \(bind: now) WHERE revoked_at IS NULL
              AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = \(bind: hash))
            """)
    }

    /// Exchanges a refresh token for a new pair; the presented token can never be used again.
    public func refresh(_ token: String) async throws -> Pair {
        let hash = Secrets.hash(token, pepper: secret)
        let now = Clock.millis(clock.now())
        let engine = database.engine
        let rotation: Rotation = try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT id, family_id, subject_id, role, expires_at, used_at, revoked_at
                    FROM refresh_tokens WHERE token_hash = \(bind: hash)
                    """
                ).first()
            else { return .invalid }
            let family = try row.decode(column: "family_id", as: String.self)
            try await db.lock(key: "family:" + family, engine: engine)
            // Read again under the lock: a concurrent rotation of the same token may have just finished.
            let current = try await db.raw("SELECT used_at, revoked_at FROM refresh_tokens WHERE token_hash = \(bind: hash)").first()
            guard let current, try current.decodeNil(column: "revoked_at") else { return .invalid }
            guard try current.decodeNil(column: "used_at") else {
                try await db.raw(
                    """
                    UPDATE refresh_tokens SET revoked_at = \(bind: now) WHERE family_id = \(bind: family) AND revoked_at IS NULL
                    """
                ).run()
                return .reused
            }
            guard try row.decode(column: "expires_at", as: Int64.self) > now,
                let role = Role(rawValue: try row.decode(column: "role", as: String.self))
            else { return .invalid }
            let principal = Principal(subjectId: try row.decode(column: "subject_id", as: String.self), role: role)
            // Staff are read again at every refresh: a disabled or removed account's login ends here.
            if role != .patient {
                let staff = try await db.raw("SELECT disabled_at FROM staff WHERE id = \(bind: principal.subjectId)").first()
                guard let staff, try staff.decodeNil(column: "disabled_at") else {
                    try await db.raw(
                        """
                        UPDATE refresh_tokens SET revoked_at = \(bind: now) WHERE family_id = \(bind: family) AND revoked_at IS NULL
                        """
                    ).run()
                    return .invalid
                }
            }
            try await db.raw("UPDATE refresh_tokens SET used_at = \(bind: now) WHERE token_hash = \(bind: hash)").run()
            let next = Secrets.randomToken()
            try await storeRefresh(next, family: family, principal: principal, on: db)
            return .rotated(principal, next)
        }
        switch rotation {
        case .rotated(let principal, let next): return try await pair(for: principal, refresh: next)
        case .reused: throw AccountsError.refreshTokenReused
        case .invalid: throw AccountsError.invalidToken
        }
    }

    /// Checks an access token's signature, issuer and expiry (the signature once per token and instance), and that a
    /// patient's account still exists.
    public func authenticate(accessToken: String) async throws -> Principal {
        let now = clock.now()
        if let known = verified[accessToken], now < known.expires {
            guard known.principal.role == .patient else { return known.principal }
            if deletedAccounts[known.principal.subjectId] != nil { throw AccountsError.invalidToken }
            if now.timeIntervalSince(known.accountChecked) < Self.accountRecheck { return known.principal }
        }
        let claims: AccessClaims
        do {
            claims = try await keys.verify(accessToken, as: AccessClaims.self)
        } catch {
            throw AccountsError.invalidToken
        }
        guard claims.iss.value == Self.issuer, claims.exp.value > now,
            let role = Role(rawValue: claims.role)
        else { throw AccountsError.invalidToken }
        let principal = Principal(subjectId: claims.sub.value, role: role)
        if role == .patient {
            let exists = try await AccountRow.exists(accountId: principal.subjectId, on: database.sql)
            guard exists, deletedAccounts[principal.subjectId] == nil else { throw AccountsError.invalidToken }
        }
        verified.remember(VerifiedToken(principal: principal, expires: claims.exp.value, accountChecked: now), for: accessToken)
        return principal
    }

    /// Refuses the access tokens of an account this instance has just deleted (its refresh tokens went with it).
    public func accountDeleted(_ accountId: String) {
        deletedAccounts.remember(true, for: accountId)
    }

    private func pair(for principal: Principal, refresh: String) async throws -> Pair {
        let now = clock.now()
        let claims = AccessClaims(
            sub: .init(value: principal.subjectId),
            exp: .init(value: now.addingTimeInterval(Self.accessLifetime)),
            iat: .init(value: now),
            iss: .init(value: Self.issuer),
            role: principal.role.rawValue
        )
        let access = try await keys.sign(claims)
        return Pair(accessToken: access, refreshToken: refresh, expiresIn: Int(Self.accessLifetime), principal: principal)
    }

    private func storeRefresh(_ token: String, family: String, principal: Principal, on db: any SQLDatabase) async throws {
        let now = clock.now()
        try await db.raw(
            """
            INSERT INTO refresh_tokens (id, family_id, subject_id, role, token_hash, created_at, expires_at)
            VALUES (\(bind: Identifier.make("rt")), \(bind: family), \(bind: principal.subjectId), \(bind: principal.role.rawValue),
                    \(bind: Secrets.hash(token, pepper: secret)), \(bind: Clock.millis(now)),
                    \(bind: Clock.millis(now.addingTimeInterval(Self.refreshLifetime))))
            """
        ).run()
    }
}
