import Accounts
import CompanionAPI
import Prometheus
import CompanionTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

/// Booking by talking and the visit day, end to end over HTTP, with the clock at Saturday 2026-12-05 09:00 Shanghai,
/// a pediatrics session on Thursday 2026-12-10 and another on Friday 2026-12-11.
@Suite("Conversation: booking by talking and the visit day")
struct ConversationBookingTests {
    static func clock() -> ManualClock { ManualClock(ISO8601DateFormatter().date(from: "2026-12-05T01:00:00Z")!) }

    static func openSessions(_ api: API) async throws {
        let admin = try await api.staffLogin(role: .admin, username: "admin.sessions")
        for (doctor, date) in [("doc_pediatrics_1", "2026-12-10"), ("doc_pediatrics_2", "2026-12-11")] {
            let created = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"\(doctor)","date":"\(date)","period":"morning","start":"08:00","end":"10:00","slotMinutes":30,"capacityPerSlot":2,"fee":25}
                    """, token: admin.accessToken)
            guard created.status == .created else { throw HarnessError("session: \(created.text)") }
        }
    }

    /// Talks one turn and returns the reply.
    struct Talk {
        let api: API
        let token: String
        let id: String

        func say(_ text: String) async throws -> [String: Any] {
            let response = try await api.send(.post, "/v1/conversations/\(id)/messages", json: #"{"text":"\#(text)"}"#, token: token)
            guard response.status == .ok else { throw HarnessError("\(text): \(response.status) \(response.text)") }
            return try #require(try response.json()["reply"] as? [String: Any])
        }
    }

    static func talk(_ api: API, _ token: String, patientId: String? = nil) async throws -> Talk {
        let body = patientId.map { #"{"patientId":"\#($0)"}"# } ?? "{}"
        let started = try await api.send(.post, "/v1/conversations", json: body, token: token)
        return Talk(api: api, token: token, id: try #require(try started.json()["id"] as? String))
    }

    /// The sessions opened, a signed-in patient with one child profile, and a conversation started.
    static func patientTalking(_ api: API) async throws -> (session: Session, talk: Talk) {
        try await openSessions(api)
        let session = try await api.login()
        _ = try await api.createPatient(session.accessToken)
        return (session, try await talk(api, session.accessToken))
    }

    /// A child's cough talked through to the first offered place, booked (Thursday 2026-12-10 08:00).
    static func bookedFirstPlace(_ api: API) async throws -> Talk {
        let (_, talk) = try await patientTalking(api)
        _ = try await talk.say("孩子咳嗽5天了，没有发烧")
        _ = try await talk.say("帮我预约")
        _ = try await talk.say("第一个")
        let booked = try await talk.say("确认")
        guard booked["stage"] as? String == "booked" else { throw HarnessError("not booked: \(text(booked))") }
        return talk
    }

    /// The times of a reply's first card.
    static func slots(_ reply: [String: Any]) -> [[String: Any]]? {
        (reply["cards"] as? [[String: Any]])?.first?["slots"] as? [[String: Any]]
    }

    static func text(_ reply: [String: Any]) -> String { reply["text"] as? String ?? "" }
    static func actions(_ reply: [String: Any]) -> [[String: Any]] { reply["actions"] as? [[String: Any]] ?? [] }

    @Test("a yes to the triage's advice shows the slots; a yes after booking is only acknowledged", arguments: TestEngine.available)
    func yesAfterTriageOffersSlots(engine: TestEngine) async throws {
        try await withAPI(engine, clock: Self.clock()) { api in
            let (_, talk) = try await Self.patientTalking(api)
            _ = try await talk.say("孩子咳嗽5天了，没有发烧")
            let offered = try await talk.say("好的")
            #expect(offered["stage"] as? String == "booking", "\(Self.text(offered))")
            #expect(Self.slots(offered)?.isEmpty == false)
            _ = try await talk.say("第一个")
            let booked = try await talk.say("确认")
            #expect(booked["stage"] as? String == "booked", "\(Self.text(booked))")
            let thanks = try await talk.say("好的")
            #expect(thanks["stage"] as? String == "booked" && Self.slots(thanks) == nil, "\(Self.text(thanks))")
        }
    }

    @Test("a time of day said with the symptoms (咳得晚上睡不着) is not a wish for when to come; said with booking it is")
    func complaintTimeIsNotABookingWish() async throws {
        try await withAPI(clock: Self.clock()) { api in
            let (_, talk) = try await Self.patientTalking(api)
            _ = try await talk.say("孩子咳嗽5天了，晚上咳得睡不着")
            let offered = try await talk.say("帮我预约")
            #expect(Self.slots(offered)?.isEmpty == false && !Self.text(offered).contains("没有号"), "\(Self.text(offered))")
            let evening = try await talk.say("约晚上的")
            #expect(Self.text(evening).contains("没有号"), "\(Self.text(evening))")
        }
    }

    @Test(
        "triage, slots as cards, which patient, explicit confirmation, booked; then rescheduled and cancelled by talking",
        arguments: TestEngine.available)
    func bookRescheduleCancel(engine: TestEngine) async throws {
        try await withAPI(engine, clock: Self.clock()) { api in
            try await Self.openSessions(api)
            let session = try await api.login()
            let child = try await api.createPatient(session.accessToken, name: "王小宝", birthDate: "2020-05-01")
            _ = try await api.createPatient(session.accessToken, name: "王小妹", birthDate: "2022-08-01")
            _ = try await api.createPatient(session.accessToken, name: "王大明", birthDate: "1985-01-01")
            let talk = try await Self.talk(api, session.accessToken)

            let triage = try await talk.say("孩子咳嗽5天了，没有发烧")
            #expect((triage["triage"] as? [String: Any])?["departmentId"] as? String == "dept_pediatrics")

            let offered = try await talk.say("帮我预约")
            #expect(offered["stage"] as? String == "booking")
            let card = try #require((offered["cards"] as? [[String: Any]])?.first)
            #expect(card["type"] as? String == "slots")
            let slots = try #require(card["slots"] as? [[String: Any]])
            #expect(slots.count == 5)
            #expect(slots[0]["date"] as? String == "2026-12-10" && slots[0]["time"] as? String == "08:00")
            #expect(slots[0]["fee"] as? Double == 25 && slots[0]["remaining"] as? Int == 2)

            let who = try await talk.say("第二个")
            #expect((who["quickReplies"] as? [String])?.contains("王小宝") == true)
            let confirm = try await talk.say("王小宝")
            #expect(confirm["stage"] as? String == "confirming")
            #expect(Self.text(confirm).contains("08:30"))
            // Nothing is booked before the yes.
            let before = try await api.send(.get, "/v1/appointments", token: session.accessToken).json()["items"] as? [Any]
            #expect(before?.isEmpty ?? true)

            let booked = try await talk.say("确认")
            #expect(booked["stage"] as? String == "booked", "\(Self.text(booked))")
            let appointmentId = try #require(
                Self.actions(booked).first { $0["type"] as? String == "appointment_booked" }?["appointmentId"] as? String)
            #expect(Self.text(booked).contains("12月10日 08:30"))
            #expect((booked["cards"] as? [[String: Any]])?.first?["type"] as? String == "appointment")
            let appointment = try await api.send(.get, "/v1/appointments/\(appointmentId)", token: session.accessToken).json()
            #expect(appointment["patientId"] as? String == child)
            #expect(appointment["status"] as? String == "booked")

            let moved = try await talk.say("改到12月11日")
            #expect(moved["stage"] as? String == "booking")
            let fridaySlots = try #require(Self.slots(moved))
            #expect(fridaySlots.allSatisfy { $0["date"] as? String == "2026-12-11" })
            _ = try await talk.say("第一个")
            let rescheduled = try await talk.say("好的")
            #expect(Self.actions(rescheduled).first?["type"] as? String == "appointment_rescheduled")
            #expect(Self.text(rescheduled).contains("12月11日 08:00"))

            let ask = try await talk.say("取消这个预约")
            #expect(ask["stage"] as? String == "confirming")
            let kept = try await talk.say("不取消了")
            #expect(kept["stage"] as? String == "booked")
            _ = try await talk.say("取消这个预约")
            let cancelled = try await talk.say("确认取消")
            #expect(Self.actions(cancelled).first?["type"] as? String == "appointment_cancelled")
            let items = try #require(try await api.send(.get, "/v1/appointments?status=booked", token: session.accessToken).json()["items"] as? [Any])
            #expect(items.isEmpty)
        }
    }

    @Test("chest pain in the middle of booking stops it: emergency, and a later yes books nothing")
    func emergencyDuringBooking() async throws {
        try await withAPI(clock: Self.clock()) { api in
            let (session, talk) = try await Self.patientTalking(api)
            _ = try await talk.say("孩子咳嗽5天了，没有发烧")
            _ = try await talk.say("帮我预约")
            _ = try await talk.say("第一个")
            let emergency = try await talk.say("等一下，我突然胸口剧痛，一直出冷汗")
            #expect(emergency["stage"] as? String == "emergency")
            #expect(Self.text(emergency).contains("120"))
            let yes = try await talk.say("好的")
            #expect(yes["stage"] as? String == "emergency")
            let items = try await api.send(.get, "/v1/appointments", token: session.accessToken).json()["items"] as? [Any]
            #expect(items?.isEmpty ?? true)
        }
    }

    @Test("a rule's refusal is explained in plain words with other times: the same patient, department and day twice")
    func duplicateExplained() async throws {
        try await withAPI(clock: Self.clock()) { api in
            try await Self.openSessions(api)
            let session = try await api.login()
            let patient = try await api.createPatient(session.accessToken)
            for round in 0..<2 {
                let talk = try await Self.talk(api, session.accessToken, patientId: patient)
                _ = try await talk.say("孩子咳嗽5天了，没有发烧")
                _ = try await talk.say("帮我预约")
                _ = try await talk.say(round == 0 ? "第一个" : "第三个")
                let answer = try await talk.say("确认")
                if round == 0 {
                    #expect(answer["stage"] as? String == "booked")
                } else {
                    #expect(Self.text(answer).contains("同一位就诊人同一天同一个科室只能约一个号"), "\(Self.text(answer))")
                    #expect(answer["stage"] as? String == "booking")
                    let offered = try #require(Self.slots(answer))
                    #expect(offered.allSatisfy { $0["date"] as? String == "2026-12-11" })
                }
            }
        }
    }

    @Test("past the cut-off, moving or cancelling is refused before any time is offered or a yes asked for; before it, both go on")
    func cutoffSaidFirst() async throws {
        let clock = Self.clock()
        try await withAPI(clock: clock) { api in
            let talk = try await Self.bookedFirstPlace(api)

            clock.set(ISO8601DateFormatter().date(from: "2026-12-09T21:30:00Z")!)  // 05:30 on the day: changes close at 06:00
            let session = try await api.login()
            let open = Talk(api: api, token: session.accessToken, id: talk.id)
            let offered = try await open.say("换个时间")
            #expect(Self.slots(offered)?.isEmpty == false, "\(Self.text(offered))")
            _ = try await open.say("算了")

            clock.set(ISO8601DateFormatter().date(from: "2026-12-09T23:30:00Z")!)  // 07:30, half an hour before the visit
            let late = Talk(api: api, token: try await api.login().accessToken, id: talk.id)
            for request in ["换个时间", "取消这个预约"] {
                let refused = try await late.say(request)
                #expect(Self.text(refused).contains("在线取消和改约已在12月10日 06:00截止"), "\(request): \(Self.text(refused))")
                #expect(Self.slots(refused) == nil && refused["stage"] as? String == "booked")
                let yes = try await late.say("好的")
                #expect(Self.actions(yes).isEmpty, "\(request): a yes afterwards changes nothing")
            }
        }
    }

    @Test("the visit day: I'm here → checked in with a queue number; how long; then pay, laboratory, pharmacy one step at a time")
    func visitDay() async throws {
        let clock = Self.clock()
        try await withAPI(clock: clock) { api in
            let talk = try await Self.bookedFirstPlace(api)

            clock.set(ISO8601DateFormatter().date(from: "2026-12-09T23:30:00Z")!)  // 07:30 on the day
            let again = try await api.login()
            let onTheDay = Talk(api: api, token: again.accessToken, id: talk.id)
            let arrived = try await onTheDay.say("我到医院了")
            #expect(arrived["stage"] as? String == "visit")
            #expect(Self.text(arrived).contains("排队号是 1 号"))
            #expect(Self.actions(arrived).first?["type"] as? String == "checked_in")
            let wait = try await onTheDay.say("还要等多久")
            #expect(Self.text(wait).contains("1 号"))

            let pay = try await onTheDay.say("看完了，医生让我去抽血，还开了药")
            #expect(Self.text(pay).contains("缴费"))
            #expect((pay["cards"] as? [[String: Any]])?.first?["type"] as? String == "directions")
            let lab = try await onTheDay.say("好了")
            #expect(Self.text(lab).contains("抽血"))
            let pharmacy = try await onTheDay.say("好了")
            #expect(Self.text(pharmacy).contains("药房"))
            let done = try await onTheDay.say("好了")
            #expect(done["stage"] as? String == "followup")
        }
    }
}

@Suite("Conversation: restart, English, other doctors, release times")
struct ConversationBookingMoreTests {
    typealias Talk = ConversationBookingTests.Talk

    @Test("a server restart in the middle of a booking: a new server on the same database takes the yes and books", arguments: TestEngine.available)
    func restartMidBooking(engine: TestEngine) async throws {
        try await withAPI(engine, clock: ConversationBookingTests.clock()) { api in
            let (session, talk) = try await ConversationBookingTests.patientTalking(api)
            _ = try await talk.say("孩子咳嗽5天了，没有发烧")
            _ = try await talk.say("帮我预约")
            let confirm = try await talk.say("第一个")
            #expect(confirm["stage"] as? String == "confirming")

            // A second server: nothing of the first one's memory, the same database.
            let services = try await Services(
                database: api.database, clock: ConversationBookingTests.clock(), otpSender: CapturingSender(),
                secret: String(repeating: "k", count: 40), speech: try testSpeechService(sealedBy: api.database))
            let router = try buildRouter(services: services, registry: PrometheusCollectorRegistry(), publicMetrics: true)
            try await Application(router: router, logger: quietLogger).test(.router) { client in
                let restarted = API(client: client, database: api.database, sender: CapturingSender())
                let booked = try await Talk(api: restarted, token: session.accessToken, id: talk.id).say("确认")
                #expect(booked["stage"] as? String == "booked")
            }
        }
    }

    @Test("in English: triage, slots, another doctor, confirm, booked")
    func english() async throws {
        try await withAPI(clock: ConversationBookingTests.clock()) { api in
            let (_, talk) = try await ConversationBookingTests.patientTalking(api)
            let triage = try await talk.say("My son has had a cough for 5 days, no fever")
            #expect((triage["triage"] as? [String: Any])?["departmentName"] as? String == "Pediatrics")
            #expect((triage["text"] as? String)?.contains("I am not a doctor") == true)
            let offered = try await talk.say("Yes, book it for me")
            let first = try #require(ConversationBookingTests.slots(offered))
            #expect(first.first?["doctorId"] as? String == "doc_pediatrics_1")
            let other = try await talk.say("Is there another doctor?")
            let others = try #require(ConversationBookingTests.slots(other))
            #expect(!others.isEmpty && others.allSatisfy { $0["doctorId"] as? String == "doc_pediatrics_2" })
            _ = try await talk.say("the 08:30 one")
            let booked = try await talk.say("yes")
            #expect(booked["stage"] as? String == "booked")
            #expect((booked["text"] as? String)?.contains("Dec 11 at 08:30") == true)
        }
    }

    @Test("asking for a day whose places are not released yet: says when they open and offers open times")
    func notReleasedYet() async throws {
        try await withAPI(clock: ConversationBookingTests.clock()) { api in
            try await ConversationBookingTests.openSessions(api)
            let admin = try await api.staffLogin(role: .admin, username: "admin.later")
            let later = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"doc_pediatrics_1","date":"2026-12-09","period":"morning","start":"08:00","end":"09:00","slotMinutes":30,"capacityPerSlot":2,"fee":25,"releaseAt":"2026-12-08T00:00:00Z"}
                    """, token: admin.accessToken)
            #expect(later.status == .created)
            let session = try await api.login()
            _ = try await api.createPatient(session.accessToken)
            let talk = try await ConversationBookingTests.talk(api, session.accessToken)
            _ = try await talk.say("孩子咳嗽5天了，没有发烧")
            let reply = try await talk.say("帮我约下周三的")
            #expect((reply["text"] as? String)?.contains("还没放出，12月8日 08:00开放") == true, "\(reply["text"] ?? "")")
            let slots = try #require(ConversationBookingTests.slots(reply))
            #expect(slots.allSatisfy { $0["released"] as? Bool == true })
        }
    }
}

@Suite("Conversation: urgent cases and full slots")
struct ConversationUrgencyTests {
    typealias Talk = ConversationBookingTests.Talk

    @Test("urgent (high fever) offers only places within 24 hours, and says so when there are none")
    func urgentWithin24Hours() async throws {
        try await withAPI(clock: ConversationBookingTests.clock()) { api in
            let (_, talk) = try await ConversationBookingTests.patientTalking(api)
            let triage = try await talk.say("孩子高烧39.5度，烧了一天了")
            #expect((triage["triage"] as? [String: Any])?["level"] as? String == "urgent")
            let none = try await talk.say("帮我预约")
            #expect((none["text"] as? String)?.contains("24 小时内") == true)
            #expect((none["cards"] as? [Any])?.isEmpty ?? true)

            let admin = try await api.staffLogin(role: .admin, username: "admin.tomorrow")
            let tomorrow = try await api.send(
                .post, "/v1/admin/sessions",
                json: """
                    {"doctorId":"doc_pediatrics_2","date":"2026-12-06","period":"morning","start":"08:00","end":"09:00","slotMinutes":30,"capacityPerSlot":2,"fee":25}
                    """, token: admin.accessToken)
            #expect(tomorrow.status == .created)
            let offered = try await talk.say("帮我预约")
            let slots = try #require(ConversationBookingTests.slots(offered))
            #expect(!slots.isEmpty && slots.allSatisfy { $0["date"] as? String == "2026-12-06" })
        }
    }

    @Test("a place taken by someone else before the yes: explained, with other times")
    func fullExplained() async throws {
        try await withAPI(clock: ConversationBookingTests.clock()) { api in
            let (_, talk) = try await ConversationBookingTests.patientTalking(api)
            _ = try await talk.say("孩子咳嗽5天了，没有发烧")
            let offered = try await talk.say("帮我预约")
            let slot = try #require(ConversationBookingTests.slots(offered)?.first?["slotId"] as? String)
            _ = try await talk.say("第一个")

            // Two other patients take both places of that slot in the meantime.
            for phone in ["13900000001", "13900000002"] {
                let other = try await api.login(phone)
                let patient = try await api.createPatient(other.accessToken)
                let booked = try await api.send(
                    .post, "/v1/appointments", json: #"{"slotId":"\#(slot)","patientId":"\#(patient)"}"#, token: other.accessToken)
                #expect(booked.status == .created)
            }
            let answer = try await talk.say("确认")
            #expect((answer["text"] as? String)?.hasPrefix("这个号刚刚被约满了。") == true)
            let others = try #require(ConversationBookingTests.slots(answer))
            #expect(!others.isEmpty && !others.contains { $0["slotId"] as? String == slot })
        }
    }
}

@Suite("Conversation: the right patient")
struct ConversationPatientTests {
    @Test("a child's complaint is never booked for the parent's profile: the companion asks for the child's")
    func childNeedsChildProfile() async throws {
        try await withAPI(clock: ConversationBookingTests.clock()) { api in
            try await ConversationBookingTests.openSessions(api)
            let session = try await api.login()
            _ = try await api.createPatient(session.accessToken, name: "王大明", birthDate: "1985-01-01")
            let talk = try await ConversationBookingTests.talk(api, session.accessToken)
            _ = try await talk.say("孩子咳嗽5天了，没有发烧")
            _ = try await talk.say("帮我预约")
            let ask = try await talk.say("第一个")
            #expect((ask["text"] as? String)?.contains("添加孩子") == true)
            let child = try await api.createPatient(session.accessToken, name: "王小宝", birthDate: "2020-05-01")
            let confirm = try await talk.say("王小宝")
            #expect(confirm["stage"] as? String == "confirming")
            let booked = try await talk.say("确认")
            let appointmentId = try #require((booked["actions"] as? [[String: Any]])?.first?["appointmentId"] as? String)
            let appointment = try await api.send(.get, "/v1/appointments/\(appointmentId)", token: session.accessToken).json()
            #expect(appointment["patientId"] as? String == child)
        }
    }
}
