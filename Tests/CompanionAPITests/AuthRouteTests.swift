import Accounts
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

@Suite("Auth routes")
struct AuthRouteTests {
    @Test("phone login: a code, then tokens that open the patient routes", arguments: TestEngine.available)
    func phoneLogin(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let sent = try await api.send(.post, "/v1/auth/otp", json: #"{"phone":"138 0013 8000"}"#)
            #expect(sent.status == .accepted)
            #expect(try sent.json()["expiresAt"] != nil)
            #expect(try sent.json()["devCode"] == nil, "a real sender never reveals the code")
            let session = try await api.login()
            #expect(session.accountId?.hasPrefix("acc_") == true)
            let list = try await api.send(.get, "/v1/patients", token: session.accessToken)
            #expect(list.status == .ok)
        }
    }

    @Test("a wrong code is 401 invalid_code; the sixth code in an hour is 429 with Retry-After")
    func wrongCodeAndRateLimit() async throws {
        try await withAPI { api in
            _ = try await api.send(.post, "/v1/auth/otp", json: #"{"phone":"13800138000"}"#)
            let code = api.sender.lastCode!
            let wrong = try await api.send(
                .post, "/v1/auth/token", json: #"{"phone":"13800138000","code":"\#(code == "123456" ? "654321" : "123456")"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.problemCode == "invalid_code")
            for _ in 0..<4 { _ = try await api.send(.post, "/v1/auth/otp", json: #"{"phone":"13800138000"}"#) }
            let limited = try await api.send(.post, "/v1/auth/otp", json: #"{"phone":"13800138000"}"#)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.problemCode == "rate_limited")
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 3000)
        }
    }

    @Test("refresh rotates; replaying the old refresh token signs the family out", arguments: TestEngine.available)
    func refresh(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let first = try await api.login()
            let rotated = try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(first.refreshToken)"}"#)
            #expect(rotated.status == .ok)
            let second = try rotated.decode(Session.self)
            let replay = try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(first.refreshToken)"}"#)
            #expect(replay.status == .unauthorized)
            #expect(replay.problemCode == "token_reused")
            let afterRevocation = try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(second.refreshToken)"}"#)
            #expect(afterRevocation.status == .unauthorized)
        }
    }

    @Test(
        "logout signs the login out: its refresh tokens stop working, another login's do not; an unknown token is 204 too",
        arguments: TestEngine.available)
    func logout(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let phone = try await api.login()
            let other = try await api.login()
            let rotated = try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(phone.refreshToken)"}"#).decode(Session.self)
            let out = try await api.send(.post, "/v1/auth/logout", json: #"{"refreshToken":"\#(phone.refreshToken)"}"#)
            #expect(out.status == .noContent)
            let after = try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(rotated.refreshToken)"}"#)
            #expect(after.status == .unauthorized)
            #expect(try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(other.refreshToken)"}"#).status == .ok)
            #expect(try await api.send(.post, "/v1/auth/logout", json: #"{"refreshToken":"not-a-token"}"#).status == .noContent)
        }
    }

    @Test("an Idempotency-Key from an anonymous caller replays nothing: nobody gets someone else's answer")
    func anonymousKeysAreIgnored() async throws {
        try await withAPI { api in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "same-key"]
            _ = try await api.send(.post, "/v1/auth/otp", json: #"{"phone":"13800138000"}"#, headers: key)
            let second = try await api.send(.post, "/v1/auth/otp", json: #"{"phone":"13800138000"}"#, headers: key)
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            #expect(api.sender.count == 2, "both requests sent a code")
            let stored = try await TestDatabase.count("idempotency_keys", in: api.database)
            #expect(stored == 0)
        }
    }

    @Test("staff log in with username and password; wrong passwords are 401")
    func staffLogin() async throws {
        try await withAPI { api in
            let admin = try await api.staffLogin(role: .admin, username: "admin")
            #expect(admin.staffId != nil)
            let wrong = try await api.send(.post, "/v1/auth/staff-token", json: #"{"username":"admin","password":"nope nope nope"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.problemCode == "invalid_credentials")
        }
    }

    @Test("patient routes need a patient token: none is 401, a bad one 401, a staff one 403")
    func patientRoutesNeedPatient() async throws {
        try await withAPI { api in
            let none = try await api.send(.get, "/v1/patients")
            #expect(none.status == .unauthorized)
            #expect(none.isProblem)
            let bad = try await api.send(.get, "/v1/patients", token: "eyJhbGciOiJIUzI1NiJ9.e30.bad")
            #expect(bad.status == .unauthorized)
            let basic = try await api.send(.get, "/v1/patients", headers: [.authorization: "Basic YTpi"])
            #expect(basic.status == .unauthorized)
            let doctor = try await api.staffLogin(role: .doctor)
            let staff = try await api.send(.get, "/v1/patients", token: doctor.accessToken)
            #expect(staff.status == .forbidden)
        }
    }

    @Test("an access token stops working after 15 minutes")
    func accessTokenExpires() async throws {
        let clock = ManualClock(TestClock.wall().now())
        try await withAPI(clock: clock) { api in
            let session = try await api.login()
            clock.advance(by: 15 * 60 + 1)
            let expired = try await api.send(.get, "/v1/patients", token: session.accessToken)
            #expect(expired.status == .unauthorized)
        }
    }
}
