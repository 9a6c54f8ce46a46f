import Accounts
import CompanionTestSupport
import Foundation
import Scheduling
import SQLKit
import Storage
import Testing

@Suite("Booking rules")
struct BookingRuleTests {
    @Test("a session is cut into slots and released 7 days ahead at 08:00 Shanghai time", arguments: TestEngine.available)
    func sessionsAndRelease(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (session, slots) = try await f.session()
            #expect(slots.count == 8)
            #expect(slots.allSatisfy { $0.capacity == 5 && $0.remaining == 5 })
            #expect(session.releaseAt == ISO8601DateFormatter().date(from: "2026-12-03T00:00:00Z"))
            #expect(slots.first?.startsAt == ISO8601DateFormatter().date(from: "2026-12-10T00:00:00Z"))
        }
    }

    @Test("not released until the release minute, bookable from it (server clock in UTC)", arguments: TestEngine.available)
    func releaseMinute(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session()
            let p = try await f.patient()
            f.clock.set(ISO8601DateFormatter().date(from: "2026-12-02T23:59:59Z")!)
            await #expect(throws: SchedulingError.notReleased(releaseAt: ISO8601DateFormatter().date(from: "2026-12-03T00:00:00Z")!)) {
                try await f.registration.hold(slotId: slots[0].id, patientId: p.patient, accountId: p.account)
            }
            await #expect(throws: SchedulingError.self) {
                try await f.registration.book(.slot(slots[0].id), patientId: p.patient, accountId: p.account, reason: nil)
            }
            let listed = try await f.registration.slots(SlotQuery(departmentId: "dept_pediatrics", date: "2026-12-10"))
            #expect(listed.count == 8, "unreleased slots are listed with their release time")
            f.clock.set(ISO8601DateFormatter().date(from: "2026-12-03T00:00:00Z")!)
            let appointment = try await f.registration.book(.slot(slots[0].id), patientId: p.patient, accountId: p.account, reason: "发热")
            #expect(appointment.status == .booked)
        }
    }

    @Test("a hold takes a place and gives it back by itself when it runs out", arguments: TestEngine.available)
    func holdsExpire(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session(capacity: 1)
            let a = try await f.patient(1)
            let b = try await f.patient(2)
            f.afterRelease()
            let hold = try await f.registration.hold(slotId: slots[0].id, patientId: a.patient, accountId: a.account)
            #expect(hold.expiresAt == f.clock.now().addingTimeInterval(300))
            #expect(try await f.registration.slot(id: slots[0].id).remaining == 0)
            let again = try await f.registration.hold(slotId: slots[0].id, patientId: a.patient, accountId: a.account)
            #expect(again.id == hold.id, "one open hold per patient per slot")
            await #expect(throws: SchedulingError.slotFull) {
                try await f.registration.book(.slot(slots[0].id), patientId: b.patient, accountId: b.account, reason: nil)
            }
            f.clock.advance(by: 301)
            #expect(try await f.registration.slot(id: slots[0].id).remaining == 1)
            await #expect(throws: SchedulingError.holdExpired) {
                try await f.registration.book(.hold(hold.id), patientId: a.patient, accountId: a.account, reason: nil)
            }
            _ = try await f.registration.book(.slot(slots[0].id), patientId: b.patient, accountId: b.account, reason: nil)
        }
    }

    @Test("booking from a hold uses the held place", arguments: TestEngine.available)
    func bookFromHold(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session(capacity: 1)
            let a = try await f.patient()
            f.afterRelease()
            let hold = try await f.registration.hold(slotId: slots[0].id, patientId: a.patient, accountId: a.account)
            let appointment = try await f.registration.book(.hold(hold.id), patientId: a.patient, accountId: a.account, reason: nil)
            #expect(appointment.slotId == slots[0].id)
            #expect(try await f.registration.slot(id: slots[0].id).remaining == 0)
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test("one active appointment per patient per department per day, and none overlapping", arguments: TestEngine.available)
    func duplicates(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, pediatrics) = try await f.session(doctor: "doc_pediatrics_1")
            let (_, otherDoctor) = try await f.session(doctor: "doc_pediatrics_2")
            let (_, cardiology) = try await f.session(doctor: "doc_cardiology_1")
            let p = try await f.patient()
            f.afterRelease()
            _ = try await f.registration.book(.slot(pediatrics[0].id), patientId: p.patient, accountId: p.account, reason: nil)
            await #expect(throws: SchedulingError.duplicateBooking) {
                try await f.registration.book(.slot(otherDoctor[3].id), patientId: p.patient, accountId: p.account, reason: nil)
            }
            await #expect(throws: SchedulingError.duplicateBooking) {
                try await f.registration.book(.slot(cardiology[0].id), patientId: p.patient, accountId: p.account, reason: nil)
            }
            _ = try await f.registration.book(.slot(cardiology[2].id), patientId: p.patient, accountId: p.account, reason: nil)
            let sibling = try await f.anotherPatient(of: p.account)
            _ = try await f.registration.book(.slot(otherDoctor[0].id), patientId: sibling, accountId: p.account, reason: nil)
        }
    }

    @Test("an account's daily cap counts by the hospital's day, across midnight in Shanghai", arguments: TestEngine.available)
    func dailyLimit(engine: TestEngine) async throws {
        var rules = SchedulingRules()
        rules.dailyLimitPerAccount = 2
        try await RegistrationFixture.with(engine, rules: rules) { f in
            let departments = ["doc_cardiology_1", "doc_respiratory_1", "doc_neurology_1"]
            var slots: [Slot] = []
            for (index, doctor) in departments.enumerated() { slots.append(try await f.session(doctor: doctor).slots[index * 2]) }
            let p = try await f.patient()
            // 2026-12-05 23:59 in Shanghai is 15:59 UTC.
            f.clock.set(ISO8601DateFormatter().date(from: "2026-12-05T15:59:00Z")!)
            _ = try await f.registration.book(.slot(slots[0].id), patientId: p.patient, accountId: p.account, reason: nil)
            _ = try await f.registration.book(.slot(slots[1].id), patientId: p.patient, accountId: p.account, reason: nil)
            await #expect(throws: SchedulingError.dailyLimit(limit: 2)) {
                try await f.registration.book(.slot(slots[2].id), patientId: p.patient, accountId: p.account, reason: nil)
            }
            f.clock.set(ISO8601DateFormatter().date(from: "2026-12-05T16:00:00Z")!)
            _ = try await f.registration.book(.slot(slots[2].id), patientId: p.patient, accountId: p.account, reason: nil)
        }
    }

    @Test(
        "holds and moves count against the account's changes per minute (bookings have the daily limit); a refused one is not",
        arguments: TestEngine.available)
    func changesPerMinute(engine: TestEngine) async throws {
        var rules = SchedulingRules()
        rules.holdsAndMovesPerMinute = 3
        try await RegistrationFixture.with(engine, rules: rules) { f in
            let (_, slots) = try await f.session()
            let p = try await f.patient()
            f.at("2026-12-03", "09:00")
            f.clock.advance(by: 10)
            let hold = try await f.registration.hold(slotId: slots[0].id, patientId: p.patient, accountId: p.account)
            let booked = try await f.registration.book(.hold(hold.id), patientId: p.patient, accountId: p.account, reason: nil)
            await #expect(throws: SchedulingError.duplicateBooking, "refused: rolled back, not counted") {
                try await f.registration.hold(slotId: slots[1].id, patientId: p.patient, accountId: p.account)
            }
            _ = try await f.registration.reschedule(appointmentId: booked.id, to: slots[2].id, accountId: p.account)
            let third = try await f.anotherPatient(of: p.account, name: "王五")
            _ = try await f.registration.book(.slot(slots[5].id), patientId: third, accountId: p.account, reason: nil)
            let other = try await f.anotherPatient(of: p.account)
            _ = try await f.registration.hold(slotId: slots[3].id, patientId: other, accountId: p.account)
            await #expect(throws: SchedulingError.tooManyChanges(limit: 3, retryAfter: 50)) {
                try await f.registration.hold(slotId: slots[4].id, patientId: other, accountId: p.account)
            }
            f.at("2026-12-03", "09:01")
            _ = try await f.registration.hold(slotId: slots[4].id, patientId: other, accountId: p.account)
        }
    }

    @Test("a patient with an appointment cannot be deleted: profileInUse, found by the foreign key's name", arguments: TestEngine.available)
    func profileInUse(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session()
            let p = try await f.patient()
            f.at("2026-12-03", "09:00")
            _ = try await f.registration.book(.slot(slots[0].id), patientId: p.patient, accountId: p.account, reason: nil)
            let profiles = PatientProfiles(database: f.db, clock: f.clock)
            await #expect(throws: AccountsError.profileInUse) { try await profiles.delete(accountId: p.account, id: p.patient) }
            let unbooked = try await f.anotherPatient(of: p.account)
            try await profiles.delete(accountId: p.account, id: unbooked)
        }
    }

    @Test("slots that have started cannot be booked", arguments: TestEngine.available)
    func pastSlots(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session()
            let p = try await f.patient()
            f.at("2026-12-10", "08:45")
            await #expect(throws: SchedulingError.slotInPast) {
                try await f.registration.book(.slot(slots[1].id), patientId: p.patient, accountId: p.account, reason: nil)
            }
            let listed = try await f.registration.slots(SlotQuery(doctorId: "doc_pediatrics_1", date: "2026-12-10"))
            #expect(listed.count == 6, "only slots that start after now are listed")
        }
    }

    @Test("three no-shows within 90 days ban booking for 30 days", arguments: TestEngine.available)
    func noShowBan(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let p = try await f.patient()
            let dates = ["2026-12-10", "2026-12-11", "2026-12-14"]
            var sessions: [DoctorSession] = []
            for date in dates {
                let (session, slots) = try await f.session(date: date)
                f.at(date, "07:00")
                _ = try await f.registration.book(.slot(slots[0].id), patientId: p.patient, accountId: p.account, reason: nil)
                sessions.append(session)
            }
            f.at("2026-12-14", "13:00")
            for session in sessions {
                #expect(try await f.registration.markNoShows(sessionId: session.id, by: .admin(staffId: "stf_admin")) == 1)
            }
            let (_, later) = try await f.session(date: "2026-12-20")
            await #expect(throws: SchedulingError.self) {
                try await f.registration.book(.slot(later[0].id), patientId: p.patient, accountId: p.account, reason: nil)
            }
            do {
                _ = try await f.registration.book(.slot(later[0].id), patientId: p.patient, accountId: p.account, reason: nil)
            } catch SchedulingError.bookingBanned(let until) {
                #expect(until == sessions[2].startsAt.addingTimeInterval(30 * 60 + 30 * 24 * 3600))
            }
            let (_, afterBan) = try await f.session(date: "2027-01-20")
            f.at("2027-01-14", "09:00")
            _ = try await f.registration.book(.slot(afterBan[0].id), patientId: p.patient, accountId: p.account, reason: nil)
        }
    }

    @Test("no-shows are marked only after the session has ended", arguments: TestEngine.available)
    func noShowsAfterSession(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (session, _) = try await f.session()
            f.at("2026-12-10", "11:59")
            await #expect(throws: SchedulingError.self) {
                try await f.registration.markNoShows(sessionId: session.id, by: .admin(staffId: "stf_admin"))
            }
            await #expect(throws: NotFound.self) {
                try await f.registration.markNoShows(sessionId: session.id, by: .doctor(staffId: "stf_x", doctorId: "doc_cardiology_1"))
            }
        }
    }
}
