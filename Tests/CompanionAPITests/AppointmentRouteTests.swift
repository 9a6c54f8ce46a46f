import Accounts
import CompanionTestSupport
import Foundation
import SQLKit
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

/// The appointment routes end to end, with the clock at 2026-12-05 09:00 Shanghai and a session on 2026-12-10.
@Suite("Appointment routes")
struct AppointmentRouteTests {
    static func clock() -> ManualClock { ManualClock(ISO8601DateFormatter().date(from: "2026-12-05T01:00:00Z")!) }

    /// An admin creates a pediatrics session through the API; returns its slot ids.
    func openSession(_ api: API, capacity: Int = 2, doctor: String = "doc_pediatrics_1") async throws -> (session: String, slots: [String]) {
        let admin = try await api.staffLogin(role: .admin, username: "admin.\(UUID().uuidString.prefix(6).lowercased())")
        let created = try await api.send(
            .post, "/v1/admin/sessions",
            json: """
                {"doctorId":"\(doctor)","date":"2026-12-10","period":"morning","start":"08:00","end":"10:00","slotMinutes":30,"capacityPerSlot":\(capacity),"fee":25.5}
                """, token: admin.accessToken)
        guard created.status == .created else { throw HarnessError("session: \(created.status) \(created.text)") }
        let body = try created.json()
        return (body["id"] as! String, (body["slots"] as! [[String: Any]]).map { $0["id"] as! String })
    }

    @Test("each appointment shows its own session's period and fee", arguments: TestEngine.available)
    func periodAndFeePerSession(engine: TestEngine) async throws {
        try await withAPI(engine, clock: Self.clock()) { api in
            let (_, morning) = try await openSession(api)
            let admin = try await api.staffLogin(role: .admin, username: "admin.afternoon")
            let created = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"doc_pediatrics_2","date":"2026-12-10","period":"afternoon","start":"14:00","end":"15:00","slotMinutes":30,"capacityPerSlot":1,"fee":10}
                    """, token: admin.accessToken)
            let afternoon = try #require((try created.json()["slots"] as? [[String: Any]])?.first?["id"] as? String)
            let session = try await api.login()
            let child = try await api.createPatient(session.accessToken, name: "王小宝", birthDate: "2020-05-01")
            let sister = try await api.createPatient(session.accessToken, name: "王小妹", birthDate: "2022-08-01")
            for (slot, patient) in [(morning[0], child), (afternoon, sister)] {
                let booked = try await api.send(
                    .post, "/v1/appointments", json: #"{"slotId":"\#(slot)","patientId":"\#(patient)"}"#, token: session.accessToken)
                #expect(booked.status == .created, "\(booked.text)")
            }
            let items = try #require(try await api.send(.get, "/v1/appointments", token: session.accessToken).json()["items"] as? [[String: Any]])
            let terms = Set(items.map { "\(($0["slot"] as? [String: Any])?["period"] as? String ?? "?") \($0["fee"] as? Double ?? -1)" })
            #expect(terms == ["morning 25.5", "afternoon 10.0"])
        }
    }

    @Test(
        "book through the API: slots, hold, appointment with place, fee and preparation; list and read with history", arguments: TestEngine.available)
    func bookingFlow(engine: TestEngine) async throws {
        try await withAPI(engine, clock: Self.clock()) { api in
            let (_, slots) = try await openSession(api)
            let session = try await api.login()
            let patient = try await api.createPatient(session.accessToken)

            let listed = try await api.send(.get, "/v1/slots?departmentId=dept_pediatrics&date=2026-12-10&period=morning")
            let items = try listed.json()["items"] as! [[String: Any]]
            #expect(items.count == 4)
            #expect(items[0]["remaining"] as? Int == 2)
            #expect(items[0]["fee"] as? Double == 25.5)
            #expect(items[0]["released"] as? Bool == true)
            #expect(listed.headers[.cacheControl] == "public, max-age=1", "availability is cached for one second only")

            let hold = try await api.send(
                .post, "/v1/holds", json: #"{"slotId":"\#(slots[0])","patientId":"\#(patient)"}"#, token: session.accessToken)
            #expect(hold.status == .created)
            let holdId = try hold.json()["id"] as! String
            let booked = try await api.send(
                .post, "/v1/appointments", json: #"{"holdId":"\#(holdId)","patientId":"\#(patient)","reason":"发热两天"}"#,
                token: session.accessToken)
            #expect(booked.status == .created)
            let appointment = try booked.json()
            #expect(appointment["status"] as? String == "booked")
            #expect((appointment["department"] as? [String: Any])?["name"] as? String == "儿科")
            #expect((appointment["location"] as? [String: Any])?["building"] as? String == "妇儿楼")
            #expect((appointment["preparation"] as? [String])?.contains { $0.contains("身份证") } == true)
            #expect(appointment["fee"] as? Double == 25.5)
            let id = appointment["id"] as! String

            let mine = try await api.send(.get, "/v1/appointments", token: session.accessToken)
            #expect((try mine.json()["items"] as? [Any])?.count == 1)
            let read = try await api.send(.get, "/v1/appointments/\(id)", token: session.accessToken, headers: [.acceptLanguage: "en"])
            #expect((try read.json()["department"] as? [String: Any])?["name"] as? String == "Pediatrics")
            #expect((try read.json()["history"] as? [[String: Any]])?.first?["to"] as? String == "booked")

            let notices = try await api.send(.get, "/v1/notifications", token: session.accessToken)
            #expect((try notices.json()["items"] as? [[String: Any]])?.first?["kind"] as? String == "booking_confirmed")
        }
    }

    @Test("rule refusals are 409 problems with their code", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        try await withAPI(engine, clock: Self.clock()) { api in
            let (_, slots) = try await openSession(api, capacity: 1)
            let first = try await api.login("13800138000")
            let firstPatient = try await api.createPatient(first.accessToken)
            let second = try await api.login("13900139000")
            let secondPatient = try await api.createPatient(second.accessToken)
            _ = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[0])","patientId":"\#(firstPatient)"}"#, token: first.accessToken)
            let full = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[0])","patientId":"\#(secondPatient)"}"#, token: second.accessToken)
            #expect(full.status == .conflict)
            #expect(full.problemCode == "slot_full")
            let duplicate = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[2])","patientId":"\#(firstPatient)"}"#, token: first.accessToken)
            #expect(duplicate.problemCode == "duplicate_booking")
            let both = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[2])","holdId":"x","patientId":"\#(firstPatient)"}"#, token: first.accessToken)
            #expect(both.status == .unprocessableContent)
            let english = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[0])","patientId":"\#(secondPatient)"}"#,
                token: second.accessToken, headers: [.acceptLanguage: "en"])
            #expect((try english.json()["detail"] as? String)?.contains("fully booked") == true)
        }
    }

    @Test("50 retries of one Idempotency-Key make one appointment and identical responses", arguments: TestEngine.available)
    func idempotentBooking(engine: TestEngine) async throws {
        try await withAPI(engine, clock: Self.clock()) { api in
            let (_, slots) = try await openSession(api, capacity: 5)
            let session = try await api.login()
            let patient = try await api.createPatient(session.accessToken)
            let body = #"{"slotId":"\#(slots[1])","patientId":"\#(patient)"}"#
            let responses = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let response = try await api.send(
                            .post, "/v1/appointments", json: body, token: session.accessToken,
                            headers: [HTTPField.Name("Idempotency-Key")!: "book-once-42"])
                        return (Int(response.status.code), response.text)
                    }
                }
                return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
            }
            #expect(Set(responses.map(\.0)) == [201])
            #expect(Set(responses.map(\.1)).count == 1, "every retry gets the first response byte for byte")
            let count = try await TestDatabase.count("appointments", in: api.database)
            #expect(count == 1)

            let other = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[2])","patientId":"\#(patient)"}"#,
                token: session.accessToken, headers: [HTTPField.Name("Idempotency-Key")!: "book-once-42"])
            #expect(other.status == .unprocessableContent)
            #expect(other.problemCode == "idempotency_key_reused")
        }
    }

    @Test("a key whose first request died before answering is released after 5 minutes: the retry books")
    func abandonedIdempotencyKey() async throws {
        let clock = Self.clock()
        try await withAPI(clock: clock) { api in
            let (_, slots) = try await openSession(api, capacity: 5)
            let session = try await api.login()
            let patient = try await api.createPatient(session.accessToken)
            let account = try await api.database.sql.raw("SELECT id FROM accounts").first()!.decode(column: "id", as: String.self)
            let started = Clock.millis(clock.now().addingTimeInterval(-6 * 60))
            try await api.database.write(
                """
                INSERT INTO idempotency_keys (owner, key, request_hash, created_at)
                VALUES (\(bind: account + " /v1/appointments"), 'died-midway', 'whatever it was', \(bind: started))
                """)
            let retry = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[0])","patientId":"\#(patient)"}"#,
                token: session.accessToken, headers: [HTTPField.Name("Idempotency-Key")!: "died-midway"])
            #expect(retry.status == .created, "\(retry.text)")
        }
    }

    @Test("cancel, reschedule, check-in and queue through the API", arguments: TestEngine.available)
    func visitFlow(engine: TestEngine) async throws {
        let clock = Self.clock()
        try await withAPI(engine, clock: clock) { api in
            let (sessionId, slots) = try await openSession(api)
            let session = try await api.login()
            let patient = try await api.createPatient(session.accessToken)
            let booked = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[0])","patientId":"\#(patient)"}"#, token: session.accessToken)
            let id = try booked.json()["id"] as! String
            let moved = try await api.send(
                .post, "/v1/appointments/\(id)/reschedule", json: #"{"slotId":"\#(slots[1])"}"#, token: session.accessToken)
            #expect(moved.status == .ok)
            #expect((try moved.json()["slot"] as? [String: Any])?["id"] as? String == slots[1])

            let early = try await api.send(.post, "/v1/appointments/\(id)/check-in", token: session.accessToken)
            #expect(early.problemCode == "check_in_closed")
            clock.set(ISO8601DateFormatter().date(from: "2026-12-10T00:10:00Z")!)
            let fresh = try await api.login()
            let checkedIn = try await api.send(.post, "/v1/appointments/\(id)/check-in", token: fresh.accessToken)
            #expect(checkedIn.status == .ok)
            #expect(try checkedIn.json()["queueNumber"] as? Int == 1)
            let queue = try await api.send(.get, "/v1/appointments/\(id)/queue", token: fresh.accessToken)
            #expect(try queue.json()["ahead"] as? Int == 0)

            let doctorUser = "dr.ped"
            _ = try await StaffDirectory(database: api.database, clock: TestClock.wall())
                .add(username: doctorUser, password: "a long enough password", role: .doctor, displayName: "儿科医生", doctorId: "doc_pediatrics_1")
            let doctor = try await api.send(.post, "/v1/auth/staff-token", json: #"{"username":"dr.ped","password":"a long enough password"}"#)
            let doctorToken = try doctor.decode(Session.self).accessToken
            let called = try await api.send(.post, "/v1/staff/sessions/\(sessionId)/call-next", token: doctorToken)
            #expect(called.status == .ok)
            #expect(try called.json()["status"] as? String == "called")
            let empty = try await api.send(.post, "/v1/staff/sessions/\(sessionId)/call-next", token: doctorToken)
            #expect(empty.problemCode == "queue_empty")
            let patientCalling = try await api.send(.post, "/v1/staff/sessions/\(sessionId)/call-next", token: fresh.accessToken)
            #expect(patientCalling.status == .forbidden)

            let other = try await api.send(
                .post, "/v1/appointments",
                json: #"{"slotId":"\#(slots[3])","patientId":"\#(try await api.createPatient(fresh.accessToken, name: "王二"))"}"#,
                token: fresh.accessToken)
            let otherId = try other.json()["id"] as! String
            let late = try await api.send(.post, "/v1/appointments/\(otherId)/cancel", json: #"{"reason":"改天"}"#, token: fresh.accessToken)
            #expect(late.problemCode == "past_cutoff")
        }
    }

    @Test("another account's appointment is 404 on every route that takes its id")
    func ownership() async throws {
        try await withAPI(clock: Self.clock()) { api in
            let (_, slots) = try await openSession(api)
            let owner = try await api.login("13800138000")
            let patient = try await api.createPatient(owner.accessToken)
            let booked = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[0])","patientId":"\#(patient)"}"#, token: owner.accessToken)
            let id = try booked.json()["id"] as! String
            let stranger = try await api.login("13900139000").accessToken
            let strangerPatient = try await api.createPatient(stranger)
            let attempts = [
                try await api.send(.get, "/v1/appointments/\(id)", token: stranger),
                try await api.send(.post, "/v1/appointments/\(id)/cancel", json: "{}", token: stranger),
                try await api.send(.post, "/v1/appointments/\(id)/reschedule", json: #"{"slotId":"\#(slots[1])"}"#, token: stranger),
                try await api.send(.post, "/v1/appointments/\(id)/check-in", token: stranger),
                try await api.send(.get, "/v1/appointments/\(id)/queue", token: stranger),
                try await api.send(.post, "/v1/appointments", json: #"{"slotId":"\#(slots[1])","patientId":"\#(patient)"}"#, token: stranger),
                try await api.send(.post, "/v1/holds", json: #"{"slotId":"\#(slots[1])","patientId":"\#(patient)"}"#, token: stranger),
            ]
            for response in attempts {
                #expect(response.status == .notFound, "\(response.text)")
            }
            let theirs = try await api.send(.get, "/v1/appointments?patientId=\(patient)", token: stranger)
            #expect((try theirs.json()["items"] as? [Any])?.isEmpty == true)
            _ = strangerPatient
            let still = try await api.send(.get, "/v1/appointments/\(id)", token: owner.accessToken)
            #expect(try still.json()["status"] as? String == "booked")
        }
    }

    @Test("admin routes: only admins create and close sessions; closing tells the patients")
    func adminRoutes() async throws {
        try await withAPI(clock: Self.clock()) { api in
            let patientSession = try await api.login()
            let refused = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"doc_pediatrics_1","date":"2026-12-10","period":"morning","start":"08:00","end":"10:00","slotMinutes":30,"capacityPerSlot":2,"fee":10}
                    """, token: patientSession.accessToken)
            #expect(refused.status == .forbidden)
            let (sessionId, slots) = try await openSession(api)
            let patient = try await api.createPatient(patientSession.accessToken)
            _ = try await api.send(
                .post, "/v1/appointments", json: #"{"slotId":"\#(slots[0])","patientId":"\#(patient)"}"#, token: patientSession.accessToken)
            let waitlisted = try await api.send(
                .post, "/v1/waitlist", json: #"{"departmentId":"dept_pediatrics","date":"2026-12-11","period":"morning","patientId":"\#(patient)"}"#,
                token: patientSession.accessToken)
            #expect(waitlisted.status == .created)
            #expect(try waitlisted.json()["status"] as? String == "waiting")
            let admin = try await api.staffLogin(role: .admin, username: "closer")
            let closed = try await api.send(.post, "/v1/admin/sessions/\(sessionId)/close", json: #"{"reason":"医生外出会诊"}"#, token: admin.accessToken)
            #expect(closed.status == .ok)
            #expect(try closed.json()["status"] as? String == "closed")
            let notices = try await api.send(.get, "/v1/notifications", token: patientSession.accessToken)
            #expect((try notices.json()["items"] as? [[String: Any]])?.contains { $0["kind"] as? String == "session_closed" } == true)
            let clash = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"doc_pediatrics_1","date":"2026-12-10","period":"morning","start":"08:00","end":"10:00","slotMinutes":30,"capacityPerSlot":2,"fee":10}
                    """, token: admin.accessToken)
            #expect(clash.status == .conflict)
            let invalid = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"doc_pediatrics_1","date":"2026-02-30","period":"night","start":"25:00","end":"10:00","slotMinutes":0,"capacityPerSlot":0,"fee":-1}
                    """, token: admin.accessToken)
            #expect(invalid.status == .unprocessableContent)
            let noShows = try await api.send(.post, "/v1/staff/sessions/\(sessionId)/no-shows", token: admin.accessToken)
            #expect(noShows.problemCode == "conflict", "the session has not ended")
        }
    }
}
