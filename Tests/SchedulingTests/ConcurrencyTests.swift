import CompanionTestSupport
import Foundation
import Scheduling
import SQLKit
import Storage
import Testing

@Suite("Correctness under concurrency")
struct ConcurrencyTests {
    /// `count` accounts with one patient each, inserted directly for speed.
    func crowd(_ f: RegistrationFixture, _ count: Int) async throws -> [(account: String, patient: String)] {
        var people: [(String, String)] = []
        try await f.db.transaction { db in
            for n in 0..<count {
                try await db.raw(
                    "INSERT INTO accounts (id, phone, patient_count, created_at) VALUES (\(bind: "acc_c\(n)"), \(bind: "1390000\(n)"), 1, 0)"
                ).run()
                try await db.raw(
                    """
                    INSERT INTO patients (id, account_id, name, gender, birth_date, allergies, created_at, updated_at)
                    VALUES (\(bind: "pat_c\(n)"), \(bind: "acc_c\(n)"), '患者', 'male', '1990-01-01', '[]', 0, 0)
                    """
                ).run()
            }
        }
        for n in 0..<count { people.append(("acc_c\(n)", "pat_c\(n)")) }
        return people
    }

    enum Outcome: Sendable { case booked, full, other(String) }

    static func book(_ registration: Registration, _ slot: String, _ person: (account: String, patient: String)) async -> Outcome {
        do {
            _ = try await registration.book(.slot(slot), patientId: person.patient, accountId: person.account, reason: nil)
            return .booked
        } catch SchedulingError.slotFull {
            return .full
        } catch {
            return .other("\(error)")
        }
    }

    /// Everyone books the slot at once, spread over the given instances; counts what they were told.
    static func rush(_ instances: [Registration], slot: String, people: [(account: String, patient: String)]) async
        -> (booked: Int, full: Int, others: [String])
    {
        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for (index, person) in people.enumerated() {
                let registration = instances[index % instances.count]
                group.addTask { await book(registration, slot, person) }
            }
            var all: [Outcome] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        var booked = 0, full = 0, others: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .booked: booked += 1
            case .full: full += 1
            case .other(let error): others.append(error)
            }
        }
        return (booked, full, others)
    }

    @Test("200 patients at once for a slot of 5: exactly 5 appointments and 195 slot_full", arguments: TestEngine.available)
    func releaseRush(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session(capacity: 5)
            let people = try await crowd(f, 200)
            f.afterRelease()
            let (booked, full, others) = await Self.rush([f.registration], slot: slots[0].id, people: people)
            #expect(booked == 5)
            #expect(full == 195, "other outcomes: \(others.prefix(3))")
            let stored = try await f.db.sql.raw("SELECT COUNT(*) AS n FROM appointments WHERE slot_id = \(bind: slots[0].id)").first()!
                .decode(column: "n", as: Int.self)
            #expect(stored == 5)
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test(
        "the same rush through two server instances on one PostgreSQL database",
        .enabled(if: TestEngine.postgresURL != nil, "needs COMPANION_TEST_POSTGRES_URL"))
    func twoInstances() async throws {
        try await RegistrationFixture.with(.postgres) { f in
            let (_, slots) = try await f.session(capacity: 5)
            let people = try await crowd(f, 200)
            f.afterRelease()
            let second = try await Database.open(f.db.url, logger: quietLogger)
            try await second.unlock(with: TestDatabase.masterKey)
            let (booked, full, _) = await Self.rush(
                [f.registration, Registration(database: second, clock: f.clock)],
                slot: slots[0].id, people: people)
            try await second.close()
            #expect(booked == 5)
            #expect(full == 195)
            #expect(try await f.placesAreConsistent())
        }
    }

    @Test("racing reschedules, cancellations and bookings never lose or duplicate a place", arguments: TestEngine.available)
    func rescheduleRaces(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let (_, slots) = try await f.session(capacity: 3)
            let people = try await crowd(f, 30)
            f.afterRelease()
            // Fill slots 0–5 (18 places) with the first 18 people.
            var appointments: [(String, (account: String, patient: String))] = []
            for (index, person) in people.prefix(18).enumerated() {
                let appointment = try await f.registration.book(
                    .slot(slots[index / 3].id), patientId: person.patient,
                    accountId: person.account, reason: nil)
                appointments.append((appointment.id, person))
            }
            let registration = f.registration
            let targets = [slots[6].id, slots[7].id]
            await withTaskGroup(of: Void.self) { group in
                for (index, (appointment, person)) in appointments.enumerated() {
                    group.addTask {
                        if index % 3 == 0 {
                            _ = try? await registration.cancel(appointmentId: appointment, reason: nil, by: .patient(accountId: person.account))
                        } else {
                            _ = try? await registration.reschedule(appointmentId: appointment, to: targets[index % 2], accountId: person.account)
                        }
                    }
                }
                for person in people.suffix(12) {
                    group.addTask { _ = await Self.book(registration, slots[index(for: person.patient) % 8].id, person) }
                }
            }
            #expect(try await f.placesAreConsistent())
            for slot in slots { #expect(try await f.registration.slot(id: slot.id).remaining >= 0) }
            let booked7 = try await f.registration.slot(id: slots[6].id)
            #expect(booked7.remaining == 0, "6 reschedulers compete for 3 places")
        }
    }
}

private func index(for patient: String) -> Int { Int(patient.dropFirst("pat_c".count)) ?? 0 }
