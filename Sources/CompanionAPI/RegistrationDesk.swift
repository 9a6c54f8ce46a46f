import Accounts
import Dialogue
import Foundation
import Scheduling
import Storage

/// The conversation's booking desk, answered by Registration, the patient profiles and the directory. The
/// registration rules stay in Registration; their refusals become `BookingRefusal`s the conversation explains.
struct RegistrationDesk: BookingDesk {
    let registration: Registration
    let patientProfiles: PatientProfiles
    let clock: any NowProvider
    /// For ages only: a birth date starts at midnight in China Standard Time.
    let calendar = HospitalCalendar.shanghai

    func now() -> Date { clock.now() }

    func patients(accountId: String) async throws -> [PatientChoice] {
        let now = clock.now()
        return try await patientProfiles.list(accountId: accountId, limit: 20).items.map { profile in
            let age = calendar.startOfDay(profile.birthDate).map { now.timeIntervalSince($0) / (365.25 * 86_400) }
            return PatientChoice(id: profile.id, name: profile.name, ageYears: age)
        }
    }

    func slots(
        departmentId: String, day: Int?, period: String?, within24Hours: Bool, excludingDoctors: [String], limit: Int,
        language: Dialogue.Language
    ) async throws -> [SlotOption] {
        let now = clock.now()
        let calendar = try await registration.calendar(forDepartment: departmentId)
        let today = calendar.date(of: now)
        let query = SlotQuery(
            departmentId: departmentId, date: day.flatMap { calendar.adding(days: $0, to: today) }, period: period.flatMap(Period.init(rawValue:)),
            startingBefore: within24Hours ? now.addingTimeInterval(24 * 3600) : nil)
        let slots = try await registration.slots(query)
            .filter { $0.remaining > 0 && $0.sessionOpen && !excludingDoctors.contains($0.doctorId) }
            .filter { day != nil || $0.releaseAt <= now }
            .sorted { $0.startsAt < $1.startsAt }
        var options: [SlotOption] = []
        for slot in slots.prefix(limit) {
            let doctor = try await registration.directory.doctor(id: slot.doctorId)
            let department = try await registration.directory.department(id: slot.departmentId)
            options.append(
                SlotOption(
                    slotId: slot.id, doctorId: slot.doctorId,
                    doctorName: language.pick(doctor.name + doctor.title, "\(doctor.nameEn) (\(doctor.titleEn))"),
                    departmentId: slot.departmentId, departmentName: language.pick(department.name, department.nameEn), date: slot.date,
                    time: calendar.clockTime(slot.startsAt), startsAt: slot.startsAt, feeYuan: Double(slot.feeCents) / 100, remaining: slot.remaining,
                    releaseAt: slot.releaseAt, released: slot.releaseAt <= now))
        }
        return options
    }

    func book(slotId: String, patientId: String, accountId: String, reason: String?, language: Dialogue.Language) async throws -> Visit {
        try await refusals {
            let appointment = try await registration.book(.slot(slotId), patientId: patientId, accountId: accountId, reason: reason)
            return try await visit(appointment, language: language)
        }
    }

    func cancel(appointmentId: String, accountId: String) async throws {
        try await refusals {
            _ = try await registration.cancel(
                appointmentId: appointmentId, reason: "cancelled by the patient in conversation", by: .patient(accountId: accountId))
        }
    }

    func reschedule(appointmentId: String, toSlot slotId: String, accountId: String, language: Dialogue.Language) async throws -> Visit {
        try await refusals {
            try await visit(try await registration.reschedule(appointmentId: appointmentId, to: slotId, accountId: accountId), language: language)
        }
    }

    func visitToday(accountId: String, patientId: String?, language: Dialogue.Language) async throws -> Visit? {
        let now = clock.now()
        var appointments: [Appointment] = []
        for appointment in try await registration.appointments(for: .patient(accountId: accountId), patientId: patientId)
        where Appointment.Status.active.contains(appointment.status) {
            if appointment.date == (try await registration.calendar(forDepartment: appointment.departmentId)).date(of: now) {
                appointments.append(appointment)
            }
        }
        appointments.sort { $0.startsAt < $1.startsAt }
        guard let first = appointments.first else { return nil }
        return try await visit(first, language: language)
    }

    func checkIn(appointmentId: String, accountId: String) async throws -> QueueInfo {
        try await refusals { Self.queueInfo(try await registration.checkIn(appointmentId: appointmentId, accountId: accountId).1) }
    }

    func queue(appointmentId: String, accountId: String) async throws -> QueueInfo {
        try await refusals { Self.queueInfo(try await registration.queueStatus(appointmentId: appointmentId, accountId: accountId)) }
    }

    private func visit(_ appointment: Appointment, language: Dialogue.Language) async throws -> Visit {
        let doctor = try await registration.directory.doctor(id: appointment.doctorId)
        let department = try await registration.directory.department(id: appointment.departmentId)
        let slot = try await registration.slot(id: appointment.slotId)
        return Visit(
            appointmentId: appointment.id, patientId: appointment.patientId,
            doctorName: language.pick(doctor.name + doctor.title, "\(doctor.nameEn) (\(doctor.titleEn))"), departmentId: department.id,
            departmentName: language.pick(department.name, department.nameEn), date: appointment.date,
            time: try await registration.calendar(forDepartment: department.id).clockTime(appointment.startsAt),
            feeYuan: Double(slot.feeCents) / 100, place: DirectoryGuide.place(department.location, language: language),
            preparation: Preparation.shipped.notes(specialties: department.specialties, english: language == .en),
            changesCloseAt: appointment.startsAt.addingTimeInterval(-registration.rules.cancelCutoff))
    }

    private static func queueInfo(_ status: QueueStatus) -> QueueInfo {
        QueueInfo(
            queueNumber: status.queueNumber, ahead: status.ahead, nowCalling: status.nowCalling, estimatedWaitMinutes: status.estimatedWaitMinutes)
    }

    /// Registration's refusals as the conversation's.
    private func refusals<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SchedulingError {
            switch error {
            case .slotFull: throw BookingRefusal.slotFull
            case .notReleased(let at): throw BookingRefusal.notReleased(releaseAt: at)
            case .duplicateBooking: throw BookingRefusal.duplicate
            case .dailyLimit: throw BookingRefusal.dailyLimit
            case .bookingBanned(let until): throw BookingRefusal.banned(until: until)
            case .pastCutoff: throw BookingRefusal.pastCutoff
            case .checkInClosed: throw BookingRefusal.checkInNotOpen
            case .slotInPast, .sessionClosed, .holdExpired, .invalidState, .invalidSession, .queueEmpty, .tooManyHolds, .tooManyChanges,
                .waitlistLimit, .visitUnderWay:
                throw BookingRefusal.unavailable
            }
        } catch is NotFound {
            throw BookingRefusal.notFound
        }
    }
}
