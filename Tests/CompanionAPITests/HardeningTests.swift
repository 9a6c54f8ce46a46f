import Accounts
import CompanionAPI
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

/// Limits that hold against a patient who would empty a department, and input as phones really send it (issue 16).
@Suite("Hardening")
struct HardeningTests {
    typealias Routes = AppointmentRouteTests

    func hold(_ api: API, _ slot: String, _ patient: String, _ token: String) async throws -> TestResponse {
        try await api.send(.post, "/v1/holds", json: #"{"slotId":"\#(slot)","patientId":"\#(patient)"}"#, token: token)
    }

    @Test(
        "a date-time with fractional seconds or an offset is read; one that is not RFC 3339 is a 400",
        arguments: [
            ("2026-12-08T00:00:00.123Z", 201), ("2026-12-08T08:00:00+08:00", 201), ("2026-12-08T00:00:00.5+00:00", 201),
            ("2026-12-08 00:00", 400), ("2026-12-08", 400),
        ])
    func fractionalSecondsAreAccepted(releaseAt: String, status: Int) async throws {
        try await withAPI(clock: Routes.clock()) { api in
            let admin = try await api.staffLogin(role: .admin, username: "admin.dates")
            let created = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"doc_pediatrics_1","date":"2026-12-10","period":"morning","start":"08:00","end":"09:00",
                     "slotMinutes":30,"capacityPerSlot":2,"fee":25,"releaseAt":"\(releaseAt)"}
                    """, token: admin.accessToken)
            #expect(Int(created.status.code) == status, "\(created.text)")
            if status == 201 {
                let slot = try #require((try created.json()["slots"] as? [[String: Any]])?.first)
                #expect(slot["releaseAt"] as? String == "2026-12-08T00:00:00Z", "written back in whole seconds, UTC")
            } else {
                #expect(created.isProblem)
            }
        }
    }

    @Test("login codes are limited per client address: past the limit, 429 codes_limited_client with Retry-After")
    func codesPerClient() async throws {
        try await withAPI(clock: Routes.clock(), codeLimits: CodeLimits(perClient: 2)) { api in
            for (index, expected) in [202, 202, 429].enumerated() {
                let sent = try await api.send(.post, "/v1/auth/otp", json: #"{"phone":"1370000000\#(index)"}"#)
                #expect(Int(sent.status.code) == expected, "\(sent.text)")
                if expected == 429 {
                    #expect(sent.problemCode == "codes_limited_client" && sent.headers[.retryAfter] == "3600")
                }
            }
        }
    }

    @Test(
        "conversation turns and speech per account per minute: past the limit 429 with Retry-After, counted per limit; the next minute, again",
        arguments: TestEngine.available)
    func turnsAndSpeechPerMinute(engine: TestEngine) async throws {
        let clock = Routes.clock()
        try await withAPI(engine, clock: clock, requestLimits: RequestLimits(turnsPerMinute: 3, speechPerMinute: 2)) { api in
            let session = try await api.login()
            let other = try await api.login("13800000077")
            let started = try await api.send(.post, "/v1/conversations", json: "{}", token: session.accessToken)
            let path = "/v1/conversations/\(try #require(try started.json()["id"] as? String))/messages"
            let statuses = try await (0..<4).asyncMap { _ in
                Int(try await api.send(.post, path, json: #"{"text":"头疼"}"#, token: session.accessToken).status.code)
            }
            #expect(statuses == [200, 200, 200, 429])
            let refused = try await api.send(.post, path, json: #"{"text":"头疼"}"#, token: session.accessToken)
            #expect(refused.problemCode == "turns_limited" && refused.headers[.retryAfter] == "60")
            let spoken = try await (0..<3).asyncMap { index in
                Int(try await api.send(.post, "/v1/speech", json: #"{"text":"第\#(index)句"}"#, token: session.accessToken).status.code)
            }
            #expect(spoken == [200, 200, 429])
            #expect(
                try await api.send(.post, "/v1/speech", json: #"{"text":"您好"}"#, token: other.accessToken).status == .ok,
                "another account has its own count")
            let metrics = try await api.send(.get, "/metrics").text
            #expect(metrics.contains(#"companion_limit_refusals_total{limit="turns_limited"} 2"#), "each limit counted by name")
            #expect(metrics.contains(#"companion_limit_refusals_total{limit="speech_limited"} 1"#), "\(metrics)")
            clock.advance(by: 60)
            #expect(try await api.send(.post, path, json: #"{"text":"头疼"}"#, token: session.accessToken).status == .ok)
        }
    }

    static let contractBreaches: [(String, String, String?, String)] = [
        ("GET", "/v1/slots?departmentId=\(String(repeating: "d", count: 65))", nil, "departmentId"),
        ("GET", "/v1/patients?limit=0", nil, "limit"),
        ("GET", "/v1/patients?limit=101", nil, "limit"),
        ("GET", "/v1/appointments/\(String(repeating: "a", count: 65))", nil, "appointmentId"),
        ("POST", "/v1/conversations", #"{"language":null}"#, "language"),
        ("POST", "/v1/speech", #"{"text":"您好","rate":null}"#, "rate"),
        ("POST", "/v1/encounters/enc_x/transcript", #"{"turns":[{"speaker":null,"text":"x"}]}"#, "turns[0].speaker"),
        ("POST", "/v1/auth/logout", #"{"refreshToken":"\#(String(repeating: "r", count: 201))"}"#, "refreshToken"),
        ("POST", "/v1/conversations", #"{"langu\u0061ge":null}"#, "language"),
        ("POST", "/v1/auth/logout", #"{"refreshToken":"\#(String(repeating: #"\uD83D\uDE00"#, count: 201))"}"#, "refreshToken"),
        ("POST", "/v1/patients", #"{"name":"张三","allergies":[\#(Array(repeating: #""a""#, count: 101).joined(separator: ","))]}"#, "allergies"),
        ("POST", "/v1/patients", #"{"name":"张三","allergies":["a" , "\#(String(repeating: "敏", count: 201))"]}"#, "allergies[1]"),
    ]

    @Test("a body within the contract's limits passes them however it is written: escapes, surrogate pairs, deep nesting")
    func contractLimitsRead() async throws {
        try await withAPI(clock: Routes.clock()) { api in
            let session = try await api.login()
            let pairs = #"{"refreshToken":"\#(String(repeating: #"\uD83D\uDE00"#, count: 200))"}"#
            let logout = try await api.send(.post, "/v1/auth/logout", json: pairs, token: session.accessToken)
            #expect(logout.status != .unprocessableContent && logout.status != .badRequest, "200 code points: \(logout.text)")
            let quoted = try await api.send(.post, "/v1/speech", json: #"{"text":"请说\"null\\","lang":"zh"}"#, token: session.accessToken)
            #expect(quoted.status == .ok, "a null inside a string is text: \(quoted.text)")
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let nested = try await api.send(.post, "/v1/conversations", json: deep, token: session.accessToken)
            #expect(nested.status == .badRequest, "\(nested.text)")
        }
    }

    @Test("what the contract forbids and the generated server let through is a 4xx naming the field", arguments: contractBreaches)
    func contractLimits(method: String, path: String, body: String?, field: String) async throws {
        try await withAPI(clock: Routes.clock()) { api in
            let session = try await api.login()
            let response = try await api.send(method == "GET" ? .get : .post, path, json: body, token: session.accessToken)
            #expect(response.status == (body?.contains("null") == true ? .badRequest : .unprocessableContent), "\(response.text)")
            let errors = try response.json()["errors"] as? [[String: Any]]
            #expect(errors?.first?["field"] as? String == field, "\(response.text)")
        }
    }

    @Test("a patient holds one place at a time: a new hold gives the earlier one back", arguments: TestEngine.available)
    func onePlacePerPatient(engine: TestEngine) async throws {
        try await withAPI(engine, clock: Routes.clock()) { api in
            let (_, slots) = try await Routes().openSession(api, capacity: 1)
            let session = try await api.login()
            let patient = try await api.createPatient(session.accessToken)
            for slot in slots {
                let hold = try await hold(api, slot, patient, session.accessToken)
                #expect(hold.status == .created, "\(hold.text)")
            }
            let listed = try await api.send(.get, "/v1/slots?departmentId=dept_pediatrics&date=2026-12-10&period=morning").json()
            let remaining = (listed["items"] as? [[String: Any]] ?? []).map { $0["remaining"] as? Int ?? -1 }
            #expect(remaining == Array(repeating: 1, count: slots.count - 1) + [0], "only the last place asked for is held")
        }
    }

    @Test(
        "an account holds at most 3 places: the 4th is 429 too_many_holds with Retry-After until the first lapses",
        arguments: TestEngine.available)
    func holdsPerAccount(engine: TestEngine) async throws {
        let clock = Routes.clock()
        try await withAPI(engine, clock: clock) { api in
            let (_, slots) = try await Routes().openSession(api, capacity: 5)
            let session = try await api.login()
            var patients: [String] = []
            for (index, name) in ["王一", "王二", "王三", "王四"].enumerated() {
                patients.append(try await api.createPatient(session.accessToken, name: name, birthDate: "201\(index)-05-01"))
            }
            for patient in patients.prefix(3) {
                let hold = try await hold(api, slots[0], patient, session.accessToken)
                #expect(hold.status == .created, "\(hold.text)")
            }
            let fourth = try await hold(api, slots[1], patients[3], session.accessToken)
            #expect(fourth.status == .tooManyRequests)
            #expect(fourth.problemCode == "too_many_holds")
            #expect(fourth.headers[.retryAfter] == "300")
            clock.advance(by: 301)
            let later = try await hold(api, slots[1], patients[3], session.accessToken)
            #expect(later.status == .created, "\(later.text)")
        }
    }

    @Test("a patient waits for at most 3 sessions at once: the 4th is 409 waitlist_limit")
    func waitlistPerPatient() async throws {
        try await withAPI(clock: Routes.clock()) { api in
            let session = try await api.login()
            let patient = try await api.createPatient(session.accessToken)
            for (index, date) in ["2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"].enumerated() {
                let entry = #"{"departmentId":"dept_pediatrics","date":"\#(date)","period":"morning","patientId":"\#(patient)"}"#
                let joined = try await api.send(.post, "/v1/waitlist", json: entry, token: session.accessToken)
                #expect(index < 3 ? joined.status == .created : joined.status == .conflict, "\(date): \(joined.text)")
                if index == 3 { #expect(joined.problemCode == "waitlist_limit") }
            }
        }
    }
}

extension Sequence {
    /// The results of `transform` on each element, one after another.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
