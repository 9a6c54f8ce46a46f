import CompanionTestSupport
import Foundation
import Scheduling
import SQLKit
import Storage
import Testing

@Suite("Appointment lifecycle")
struct AppointmentLifecycleTests {
    @Test("cancel until 2 hours before; after that only an administrator may", arguments: TestEngine.available)
    func cancelCutoff(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session()
            let a = try await f.patient(1)
            let b = try await f.patient(2)
            f.afterRelease()
            let first = try await f.registration.book(.slot(slots[4].id), patientId: a.patient, accountId: a.account, reason: nil)
            let second = try await f.registration.book(.slot(slots[4].id), patientId: b.patient, accountId: b.account, reason: nil)
            f.at("2026-12-10", "08:00")  // the slot starts at 10:00
            let cancelled = try await f.registration.cancel(appointmentId: first.id, reason: "好了", by: .patient(accountId: a.account))
            #expect(cancelled.status == .cancelled)
            #expect(try await f.registration.slot(id: slots[4].id).remaining == 4)
            f.at("2026-12-10", "08:01")
            await #expect(throws: SchedulingError.pastCutoff(cutoff: RegistrationFixture.calendar.instant(date: "2026-12-10", time: "08:00")!)) {
                try await f.registration.cancel(appointmentId: second.id, reason: nil, by: .patient(accountId: b.account))
            }
            _ = try await f.registration.cancel(appointmentId: second.id, reason: "医院调整", by: .admin(staffId: "stf_admin"))
            await #expect(throws: NotFound.self) {
                try await f.registration.cancel(appointmentId: second.id, reason: nil, by: .patient(accountId: a.account))
            }
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test("every change is in the appointment's history: who, when, from → to", arguments: TestEngine.available)
    func history(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session()
            let a = try await f.patient()
            f.afterRelease()
            let booked = try await f.registration.book(.slot(slots[2].id), patientId: a.patient, accountId: a.account, reason: nil)
            _ = try await f.registration.reschedule(appointmentId: booked.id, to: slots[5].id, accountId: a.account)
            f.clock.advance(by: 60)
            _ = try await f.registration.cancel(appointmentId: booked.id, reason: "出差", by: .patient(accountId: a.account))
            let history = try await f.registration.history(appointmentId: booked.id, for: .patient(accountId: a.account))
            #expect(history.map(\.to) == ["booked", "booked", "cancelled"])
            #expect(history.first?.from == nil)
            #expect(history.last?.from == "booked")
            #expect(history.allSatisfy { $0.actor == "patient:\(a.account)" })
            #expect(history[1].note?.contains("→") == true)
        }
    }

    @Test("reschedule is atomic: into a full slot nothing moves; otherwise the old place is freed", arguments: TestEngine.available)
    func reschedule(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session(capacity: 1)
            let a = try await f.patient(1)
            let b = try await f.patient(2)
            f.afterRelease()
            let mine = try await f.registration.book(.slot(slots[0].id), patientId: a.patient, accountId: a.account, reason: nil)
            _ = try await f.registration.book(.slot(slots[1].id), patientId: b.patient, accountId: b.account, reason: nil)
            await #expect(throws: SchedulingError.slotFull) {
                try await f.registration.reschedule(appointmentId: mine.id, to: slots[1].id, accountId: a.account)
            }
            #expect(try await f.registration.appointment(id: mine.id, for: .patient(accountId: a.account)).slotId == slots[0].id)
            let moved = try await f.registration.reschedule(appointmentId: mine.id, to: slots[3].id, accountId: a.account)
            #expect(moved.slotId == slots[3].id)
            #expect(try await f.registration.slot(id: slots[0].id).remaining == 1)
            #expect(try await f.registration.slot(id: slots[3].id).remaining == 0)
            await #expect(throws: NotFound.self) {
                try await f.registration.reschedule(appointmentId: mine.id, to: slots[5].id, accountId: b.account)
            }
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test("check-in on the day gives queue numbers in arrival order; late arrivals go to the back", arguments: TestEngine.available)
    func checkInAndQueue(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (session, slots) = try await f.session(slotMinutes: 30, capacity: 2)
            var people: [(account: String, patient: String, appointment: String)] = []
            f.afterRelease()
            for (index, slot) in [slots[0], slots[2], slots[1]].enumerated() {
                let p = try await f.patient(index + 1)
                let appointment = try await f.registration.book(.slot(slot.id), patientId: p.patient, accountId: p.account, reason: nil)
                people.append((p.account, p.patient, appointment.id))
            }
            await #expect(throws: SchedulingError.self) {
                try await f.registration.checkIn(appointmentId: people[0].appointment, accountId: people[0].account)
            }
            f.at("2026-12-10", "06:59")
            await #expect(throws: SchedulingError.self) {
                try await f.registration.checkIn(appointmentId: people[0].appointment, accountId: people[0].account)
            }
            f.at("2026-12-10", "07:30")
            let (_, third) = try await f.registration.checkIn(appointmentId: people[2].appointment, accountId: people[2].account)
            #expect(third.queueNumber == 1 && third.ahead == 0)
            // Patient 0's slot (08:00–08:30) is over when they arrive at 08:40: they go behind patient 1.
            f.at("2026-12-10", "08:40")
            let (late, lateQueue) = try await f.registration.checkIn(appointmentId: people[0].appointment, accountId: people[0].account)
            #expect(late.late)
            #expect(lateQueue.queueNumber == 2 && lateQueue.ahead == 1)
            let (_, second) = try await f.registration.checkIn(appointmentId: people[1].appointment, accountId: people[1].account)
            #expect(second.queueNumber == 3 && second.ahead == 1)
            #expect(try await f.registration.queueStatus(appointmentId: people[0].appointment, accountId: people[0].account).ahead == 2)

            let doctor = Caller.doctor(staffId: "stf_doc", doctorId: "doc_pediatrics_1")
            await #expect(throws: NotFound.self) {
                try await f.registration.callNext(sessionId: session.id, by: .doctor(staffId: "stf_other", doctorId: "doc_cardiology_1"))
            }
            #expect(try await f.registration.callNext(sessionId: session.id, by: doctor).id == people[2].appointment)
            #expect(try await f.registration.callNext(sessionId: session.id, by: doctor).id == people[1].appointment)
            let status = try await f.registration.queueStatus(appointmentId: people[0].appointment, accountId: people[0].account)
            #expect(status.ahead == 0 && status.nowCalling == 3)
            #expect(status.estimatedWaitMinutes == 0)
            #expect(try await f.registration.callNext(sessionId: session.id, by: doctor).id == people[0].appointment)
            await #expect(throws: SchedulingError.queueEmpty) { try await f.registration.callNext(sessionId: session.id, by: doctor) }
            let done = try await f.registration.appointment(id: people[2].appointment, for: .patient(accountId: people[2].account))
            #expect(done.status == .completed)
            let calls = try await f.registration.notifications(accountId: people[0].account).filter { $0.kind == "queue_call" }
            #expect(calls.count == 1 && calls[0].body.contains("妇儿楼"))
        }
    }

    @Test("a cancelled place is offered to the first on the waitlist; an ignored offer passes on", arguments: TestEngine.available)
    func waitlist(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session(slotMinutes: 240, capacity: 1)
            let holder = try await f.patient(1)
            let first = try await f.patient(2)
            let second = try await f.patient(3)
            f.afterRelease()
            let taken = try await f.registration.book(.slot(slots[0].id), patientId: holder.patient, accountId: holder.account, reason: nil)
            _ = try await f.registration.joinWaitlist(
                patientId: first.patient, accountId: first.account, doctorId: nil,
                departmentId: "dept_pediatrics", date: "2026-12-10", period: .morning)
            f.clock.advance(by: 1)
            _ = try await f.registration.joinWaitlist(
                patientId: second.patient, accountId: second.account, doctorId: "doc_pediatrics_1",
                departmentId: nil, date: "2026-12-10", period: .morning)
            _ = try await f.registration.cancel(appointmentId: taken.id, reason: nil, by: .patient(accountId: holder.account))
            let offer = try #require(try await f.registration.notifications(accountId: first.account).first { $0.kind == "waitlist_offer" })
            let holdId = try #require(offer.holdId)
            #expect(try await f.registration.slot(id: slots[0].id).remaining == 0, "the offered place is held")

            f.clock.advance(by: 15 * 60 + 1)
            await #expect(throws: SchedulingError.holdExpired) {
                try await f.registration.book(.hold(holdId), patientId: first.patient, accountId: first.account, reason: nil)
            }
            #expect(try await f.registration.passOnExpiredOffers() == 1)
            let next = try #require(try await f.registration.notifications(accountId: second.account).first { $0.kind == "waitlist_offer" })
            let booked = try await f.registration.book(.hold(next.holdId!), patientId: second.patient, accountId: second.account, reason: nil)
            #expect(booked.slotId == slots[0].id)
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test("closing a session cancels its appointments, tells the patients and clears its waitlist", arguments: TestEngine.available)
    func closeSession(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (session, slots) = try await f.session(capacity: 1)
            let a = try await f.patient(1)
            let b = try await f.patient(2)
            let c = try await f.patient(3)
            f.afterRelease()
            let appointment = try await f.registration.book(.slot(slots[0].id), patientId: a.patient, accountId: a.account, reason: nil)
            _ = try await f.registration.hold(slotId: slots[1].id, patientId: b.patient, accountId: b.account)
            _ = try await f.registration.joinWaitlist(
                patientId: c.patient, accountId: c.account, doctorId: "doc_pediatrics_1",
                departmentId: nil, date: "2026-12-10", period: .morning)
            let closed = try await f.registration.closeSession(session.id, reason: "医生临时出诊任务", by: .admin(staffId: "stf_admin"))
            #expect(closed.status == .closed)
            let after = try await f.registration.appointment(id: appointment.id, for: .patient(accountId: a.account))
            #expect(after.status == .cancelled)
            #expect(after.cancelReason?.contains("医生临时出诊任务") == true)
            let notice = try #require(try await f.registration.notifications(accountId: a.account).first { $0.kind == "session_closed" })
            // Chinese text takes full-width punctuation.
            #expect(notice.body.contains("已取消（医生临时出诊任务），挂号费将原路退回。"))
            #expect(try await f.registration.notifications(accountId: c.account).contains { $0.kind == "session_closed" })
            let listed = try await f.registration.slots(SlotQuery(doctorId: "doc_pediatrics_1", date: "2026-12-10"))
            #expect(listed.isEmpty)
            await #expect(throws: SchedulingError.sessionClosed) {
                try await f.registration.book(.slot(slots[2].id), patientId: b.patient, accountId: b.account, reason: nil)
            }
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test("a confirmation on booking and one reminder the day before", arguments: TestEngine.available)
    func notifications(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session()
            let a = try await f.patient()
            f.afterRelease()
            _ = try await f.registration.book(.slot(slots[0].id), patientId: a.patient, accountId: a.account, reason: nil)
            #expect(try await f.registration.notifications(accountId: a.account).map(\.kind) == ["booking_confirmed"])
            // 2026-12-09 in Shanghai starts at 16:00 UTC on the 8th.
            f.clock.set(ISO8601DateFormatter().date(from: "2026-12-08T16:00:01Z")!)
            _ = try await f.registration.notifications(accountId: a.account)
            let notices = try await f.registration.notifications(accountId: a.account)
            #expect(notices.map(\.kind).filter { $0 == "reminder" }.count == 1)
            // What patients read in Chinese is punctuated the Chinese way (，not ,).
            let latinPunctuation = #"\p{Han}[,:;()]|[,:;()]\p{Han}"#
            #expect("门诊,请".range(of: latinPunctuation, options: .regularExpression) != nil)
            let specialties = ["gastroenterology", "gynecology", "pediatrics", "ophthalmology", "cardiology"]
            for text in notices.map(\.body) + Preparation.shipped.notes(specialties: specialties, english: false) {
                #expect(text.range(of: latinPunctuation, options: .regularExpression) == nil, "\(text)")
            }
        }
    }
}
