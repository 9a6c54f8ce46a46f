import CompanionTestSupport
import Foundation
import Scheduling
import Storage
import Testing

/// A full slot is refused without a database read once this instance has seen it full; the refusal must never
/// outlive the place being freed by more than the second the availability lists may lag.
@Suite("Full slots")
struct FullSlotTests {
    @Test("a place freed by a cancellation or a move here is bookable at once", arguments: TestEngine.available)
    func freedHere(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session(capacity: 1)
            let (a, b, c) = (try await f.patient(1), try await f.patient(2), try await f.patient(3))
            f.afterRelease()
            let first = try await f.registration.book(.slot(slots[0].id), patientId: a.patient, accountId: a.account, reason: nil)
            await #expect(throws: SchedulingError.slotFull) {
                try await f.registration.book(.slot(slots[0].id), patientId: b.patient, accountId: b.account, reason: nil)
            }
            _ = try await f.registration.cancel(appointmentId: first.id, reason: nil, by: .patient(accountId: a.account))
            let second = try await f.registration.book(.slot(slots[0].id), patientId: b.patient, accountId: b.account, reason: nil)

            await #expect(throws: SchedulingError.slotFull) {
                try await f.registration.hold(slotId: slots[0].id, patientId: c.patient, accountId: c.account)
            }
            _ = try await f.registration.reschedule(appointmentId: second.id, to: slots[1].id, accountId: b.account)
            let third = try await f.registration.book(.slot(slots[0].id), patientId: c.patient, accountId: c.account, reason: nil)
            #expect(third.slotId == slots[0].id)
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test("a place freed on another instance is bookable here within a second", arguments: TestEngine.available)
    func freedElsewhere(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            f.afterRelease()
            let (slot, b) = try await Self.placeFreedOnAnotherInstance(f)
            f.clock.advance(by: 1)
            let booked = try await f.registration.book(.slot(slot), patientId: b.patient, accountId: b.account, reason: nil)
            #expect(booked.slotId == slot)
        }
    }

    @Test("a clock set back does not stretch a full slot's refusal", arguments: TestEngine.available)
    func clockSetBack(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            f.at("2026-12-05", "09:00")
            let (slot, b) = try await Self.placeFreedOnAnotherInstance(f)
            f.at("2026-12-05", "08:59")
            let booked = try await f.registration.book(.slot(slot), patientId: b.patient, accountId: b.account, reason: nil)
            #expect(booked.slotId == slot)
        }
    }

    /// A slot of one place: patient 1 books it through `f.registration`, patient 2 is refused there (slot_full, now
    /// remembered), then patient 1 cancels through another instance. Returns the slot and patient 2.
    static func placeFreedOnAnotherInstance(_ f: RegistrationFixture) async throws -> (slot: String, waiting: (account: String, patient: String)) {
        let other = Registration(database: f.db, clock: f.clock)
        let slot = try await f.session(capacity: 1).slots[0].id
        let (a, b) = (try await f.patient(1), try await f.patient(2))
        let first = try await f.registration.book(.slot(slot), patientId: a.patient, accountId: a.account, reason: nil)
        await #expect(throws: SchedulingError.slotFull) {
            try await f.registration.book(.slot(slot), patientId: b.patient, accountId: b.account, reason: nil)
        }
        _ = try await other.cancel(appointmentId: first.id, reason: nil, by: .patient(accountId: a.account))
        return (slot, b)
    }
}
