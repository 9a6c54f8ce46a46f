import Accounts
import CompanionTestSupport
import Foundation
import SQLKit
import Storage
import Testing

@Suite("Access and refresh tokens")
struct TokenTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let patient = Principal(subjectId: "acc_1", role: .patient)

    /// The patient's account row: a patient's token works only while its account exists.
    func withAccount(_ engine: TestEngine, _ body: @escaping @Sendable (Database) async throws -> Void) async throws {
        try await TestDatabase.with(engine) { db in
            try await db.write("INSERT INTO accounts (id, phone, created_at) VALUES ('acc_1', '13800138000', 0)")
            try await body(db)
        }
    }

    @Test("an access token names its holder and lasts 15 minutes", arguments: TestEngine.available)
    func accessTokenLifetime(engine: TestEngine) async throws {
        try await withAccount(engine) { db in
            let clock = ManualClock(start)
            let tokens = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: clock)
            let pair = try await tokens.issue(for: patient)
            #expect(pair.expiresIn == 900)
            #expect(try await tokens.authenticate(accessToken: pair.accessToken) == patient)
            clock.advance(by: 15 * 60 + 1)
            await #expect(throws: AccountsError.invalidToken) { try await tokens.authenticate(accessToken: pair.accessToken) }
        }
    }

    @Test("a deleted account's token is refused: at once where it was deleted, within 30 s elsewhere", arguments: TestEngine.available)
    func deletedAccount(engine: TestEngine) async throws {
        try await withAccount(engine) { db in
            let clock = ManualClock(start)
            let here = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: clock)
            let elsewhere = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: clock)
            let token = try await here.issue(for: patient).accessToken
            #expect(try await here.authenticate(accessToken: token) == patient)
            #expect(try await elsewhere.authenticate(accessToken: token) == patient)
            _ = try await db.transaction { try await AccountErasure.erase(accountId: "acc_1", on: $0) }
            here.accountDeleted("acc_1")
            await #expect(throws: AccountsError.invalidToken) { try await here.authenticate(accessToken: token) }
            clock.advance(by: TokenService.accountRecheck + 1)
            await #expect(throws: AccountsError.invalidToken) { try await elsewhere.authenticate(accessToken: token) }
            let fresh = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: clock)
            await #expect(throws: AccountsError.invalidToken) { try await fresh.authenticate(accessToken: token) }
        }
    }

    @Test("a token signed with another secret, or altered, is refused", arguments: TestEngine.available)
    func forgedTokens(engine: TestEngine) async throws {
        try await withAccount(engine) { db in
            let clock = ManualClock(start)
            let ours = await TokenService(database: db, secret: String(repeating: "a", count: 32), clock: clock)
            let theirs = await TokenService(database: db, secret: String(repeating: "b", count: 32), clock: clock)
            let forged = try await theirs.issue(for: Principal(subjectId: "acc_1", role: .admin)).accessToken
            await #expect(throws: AccountsError.invalidToken) { try await ours.authenticate(accessToken: forged) }
            let real = try await ours.issue(for: patient).accessToken
            // Accepted once (and so remembered), the real token must not vouch for an altered copy.
            #expect(try await ours.authenticate(accessToken: real) == patient)
            var altered = Array(real)
            altered[altered.count - 5] = altered[altered.count - 5] == "A" ? "B" : "A"
            await #expect(throws: AccountsError.invalidToken) { try await ours.authenticate(accessToken: String(altered)) }
            var parts = real.split(separator: ".").map(String.init)
            let adminClaims = Data(#"{"sub":"acc_1","exp":9999999999,"iat":0,"iss":"companion","role":"admin"}"#.utf8)
                .base64EncodedString().replacingOccurrences(of: "=", with: "")
            parts[1] = adminClaims
            await #expect(throws: AccountsError.invalidToken) { try await ours.authenticate(accessToken: parts.joined(separator: ".")) }
            await #expect(throws: AccountsError.invalidToken) { try await ours.authenticate(accessToken: "not.a.jwt") }
        }
    }

    @Test("refreshing rotates: the new pair works, the old refresh token never again", arguments: TestEngine.available)
    func rotation(engine: TestEngine) async throws {
        try await withAccount(engine) { db in
            let tokens = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: ManualClock(start))
            let first = try await tokens.issue(for: patient)
            let second = try await tokens.refresh(first.refreshToken)
            #expect(second.refreshToken != first.refreshToken)
            #expect(try await tokens.authenticate(accessToken: second.accessToken) == patient)
            let third = try await tokens.refresh(second.refreshToken)
            #expect(third.principal == patient)
        }
    }

    @Test("reusing a refresh token revokes the whole family", arguments: TestEngine.available)
    func reuseRevokesFamily(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let tokens = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: ManualClock(start))
            let stolen = try await tokens.issue(for: patient)
            let otherLogin = try await tokens.issue(for: patient)
            let legit = try await tokens.refresh(stolen.refreshToken)
            await #expect(throws: AccountsError.refreshTokenReused) { try await tokens.refresh(stolen.refreshToken) }
            await #expect(throws: AccountsError.invalidToken) { try await tokens.refresh(legit.refreshToken) }
            // Another login of the same account is a different family and keeps working.
            _ = try await tokens.refresh(otherLogin.refreshToken)
        }
    }

    @Test("concurrent refreshes of one token: exactly one wins", arguments: TestEngine.available)
    func concurrentRefresh(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let tokens = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: ManualClock(start))
            let pair = try await tokens.issue(for: patient)
            let wins = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 { group.addTask { (try? await tokens.refresh(pair.refreshToken)) != nil } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
    }

    @Test("refresh tokens expire after 30 days and are stored hashed", arguments: TestEngine.available)
    func refreshExpiry(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let clock = ManualClock(start)
            let tokens = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: clock)
            let pair = try await tokens.issue(for: patient)
            let stored = try await db.sql.raw("SELECT token_hash FROM refresh_tokens").first()!.decode(column: "token_hash", as: String.self)
            #expect(stored != pair.refreshToken)
            clock.advance(by: 30 * 24 * 3600 + 1)
            await #expect(throws: AccountsError.invalidToken) { try await tokens.refresh(pair.refreshToken) }
        }
    }
}

@Suite("Staff accounts")
struct StaffTests {
    @Test("a staff member logs in with the right password only", arguments: TestEngine.available)
    func login(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let staff = StaffDirectory(database: db, clock: TestClock.wall())
            let added = try await staff.add(
                username: "dr.wang", password: "correct horse battery", role: .doctor,
                displayName: "王医生", doctorId: "doc_cardiology_1")
            let member = try await staff.authenticate(username: "dr.wang", password: "correct horse battery", client: "10.0.0.1")
            #expect(member == added)
            #expect(member.role == .doctor)
            await #expect(throws: AccountsError.invalidCredentials) {
                try await staff.authenticate(username: "dr.wang", password: "wrong password!", client: "10.0.0.1")
            }
            await #expect(throws: AccountsError.invalidCredentials) {
                try await staff.authenticate(username: "nobody", password: "correct horse battery", client: "10.0.0.1")
            }
            let hash = try await db.sql.raw("SELECT password_hash FROM staff").first()!.decode(column: "password_hash", as: String.self)
            #expect(hash.hasPrefix("$2"))
        }
    }

    @Test(
        "a disabled staff account cannot log in or refresh, its refresh tokens are revoked; enabled again, it logs in",
        arguments: TestEngine.available)
    func disable(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let clock = TestClock.wall()
            let staff = StaffDirectory(database: db, clock: clock)
            let tokens = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: clock)
            let doctor = try await staff.add(username: "dr.zhao", password: "the right password", role: .doctor, displayName: "赵医生")
            let first = try await tokens.issue(for: Principal(subjectId: doctor.id, role: .doctor))
            let second = try await tokens.issue(for: Principal(subjectId: doctor.id, role: .doctor))
            let rotated = try await tokens.refresh(second.refreshToken)

            #expect(try await staff.setDisabled(true, username: "dr.zhao") == doctor)
            await #expect(throws: AccountsError.invalidCredentials) {
                try await staff.authenticate(username: "dr.zhao", password: "the right password", client: "10.0.0.1")
            }
            for token in [first.refreshToken, rotated.refreshToken] {
                await #expect(throws: AccountsError.invalidToken) { try await tokens.refresh(token) }
            }
            await #expect(throws: NotFound.self) { try await staff.setDisabled(true, username: "nobody") }

            _ = try await staff.setDisabled(false, username: "dr.zhao")
            #expect(try await staff.authenticate(username: "dr.zhao", password: "the right password", client: "10.0.0.1") == doctor)
            await #expect(throws: AccountsError.invalidToken, "a revoked token stays revoked") { try await tokens.refresh(rotated.refreshToken) }
        }
    }

    @Test("a staff login whose account was disabled without revoking it (a direct database change) ends at the next refresh")
    func refreshReadsStaffStatus() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let clock = TestClock.wall()
            let staff = StaffDirectory(database: db, clock: clock)
            let tokens = await TokenService(database: db, secret: String(repeating: "s", count: 32), clock: clock)
            let admin = try await staff.add(username: "admin.qian", password: "the right password", role: .admin, displayName: "钱")
            let pair = try await tokens.issue(for: Principal(subjectId: admin.id, role: .admin))
            try await db.write("UPDATE staff SET disabled_at = 1 WHERE id = \(bind: admin.id)")
            await #expect(throws: AccountsError.invalidToken) { try await tokens.refresh(pair.refreshToken) }
        }
    }

    @Test("ten wrong passwords in 15 minutes from one client pause it, even for the right password", arguments: TestEngine.available)
    func bruteForce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
            let staff = StaffDirectory(database: db, clock: clock)
            _ = try await staff.add(username: "dr.li", password: "the right password", role: .doctor, displayName: "李医生")
            for _ in 0..<10 {
                await #expect(throws: AccountsError.invalidCredentials) {
                    try await staff.authenticate(username: "dr.li", password: "guess guess", client: "10.0.0.1")
                }
                clock.advance(by: 10)
            }
            await #expect(throws: AccountsError.tooManyLoginAttempts(retryAfterSeconds: 800)) {
                try await staff.authenticate(username: "dr.li", password: "the right password", client: "10.0.0.1")
            }
            clock.advance(by: 801)
            let member = try await staff.authenticate(username: "dr.li", password: "the right password", client: "10.0.0.1")
            #expect(member.username == "dr.li")
            let left = try await TestDatabase.count("staff_login_failures", in: db)
            #expect(left == 0, "a successful login clears the failures")
        }
    }

    @Test(
        "60 guesses at once check 10 passwords; the doctor at another client still logs in; nothing stored for a name no one can have",
        arguments: TestEngine.available)
    func concurrentGuesses(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let staff = StaffDirectory(database: db, clock: ManualClock(Date(timeIntervalSince1970: 1_800_000_000)))
            _ = try await staff.add(username: "dr.zhao", password: "the right password", role: .doctor, displayName: "赵医生")
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<60 {
                    group.addTask {
                        do {
                            _ = try await staff.authenticate(username: "dr.zhao", password: "guess guess", client: "203.0.113.9")
                            return "in"
                        } catch let error as AccountsError {
                            return error == .invalidCredentials ? "checked" : "paused"
                        }
                    }
                }
                return try await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            }
            #expect(outcomes == ["checked": StaffDirectory.maxFailures, "paused": 60 - StaffDirectory.maxFailures])
            let member = try await staff.authenticate(username: "dr.zhao", password: "the right password", client: "10.1.2.3")
            #expect(member.username == "dr.zhao")
            await #expect(throws: AccountsError.self) {
                try await staff.authenticate(username: "dr.zhao", password: "the right password", client: "203.0.113.9")
            }
            let before = try await TestDatabase.count("staff_login_failures", in: db)
            await #expect(throws: AccountsError.invalidCredentials) {
                try await staff.authenticate(username: String(repeating: "a", count: 1 << 20), password: "x", client: "203.0.113.9")
            }
            #expect(try await TestDatabase.count("staff_login_failures", in: db) == before)
        }
    }

    @Test("usernames are unique and inputs are checked", arguments: TestEngine.available)
    func rules(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let staff = StaffDirectory(database: db, clock: TestClock.wall())
            _ = try await staff.add(username: "admin", password: "long enough pw", role: .admin, displayName: "Admin")
            await #expect(throws: AccountsError.usernameTaken) {
                try await staff.add(username: "admin", password: "long enough pw", role: .admin, displayName: "Admin 2")
            }
            await #expect(throws: ValidationFailed.self) {
                try await staff.add(username: "x", password: "short", role: .patient, displayName: "")
            }
            #expect(try await TestDatabase.count("staff", in: db) == 1)
        }
    }
}
