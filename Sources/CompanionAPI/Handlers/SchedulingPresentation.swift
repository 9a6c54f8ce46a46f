import Accounts
import Foundation
import Scheduling
import Storage

/// Turning scheduling values into the contract's shapes, in the caller's language.
extension APIHandlers {
    /// The caller as Scheduling knows it; doctors carry the directory doctor they are.
    func schedulingCaller() async throws -> Caller {
        let principal = try RequestScope.requirePrincipal()
        switch principal.role {
        case .patient: return .patient(accountId: principal.subjectId)
        case .admin: return .admin(staffId: principal.subjectId)
        case .doctor:
            let member = try await services.staff.member(id: principal.subjectId)
            return .doctor(staffId: principal.subjectId, doctorId: member?.doctorId)
        }
    }

    static func period(_ raw: String?) throws -> Period? {
        guard let raw else { return nil }
        guard let period = Period(rawValue: raw) else { throw ValidationFailed([FieldError("period", "morning, afternoon or evening")]) }
        return period
    }

    static func yuan(_ cents: Int) -> Double { Double(cents) / 100 }

    static func slot(_ s: Slot, now: Date) -> Components.Schemas.Slot {
        .init(
            id: s.id, sessionId: s.sessionId, doctorId: s.doctorId, departmentId: s.departmentId, date: s.date,
            period: Components.Schemas.Period(rawValue: s.period.rawValue) ?? .morning, start: s.startsAt, end: s.endsAt,
            capacity: s.capacity, remaining: s.remaining, fee: yuan(s.feeCents), releaseAt: s.releaseAt, released: now >= s.releaseAt)
    }

    static func waitlist(_ e: WaitlistEntry) -> Components.Schemas.WaitlistEntry {
        .init(
            id: e.id, patientId: e.patientId, doctorId: e.doctorId, departmentId: e.departmentId, date: e.date,
            period: Components.Schemas.Period(rawValue: e.period.rawValue) ?? .morning,
            status: Components.Schemas.WaitlistEntry.StatusPayload(rawValue: e.status.rawValue) ?? .waiting, holdId: e.holdId)
    }

    func present(_ a: Appointment, history: [AppointmentChange]? = nil) async throws -> Components.Schemas.Appointment {
        let lang = RequestScope.language
        let doctor = try await services.directory.doctor(id: a.doctorId)
        let department = try await services.directory.department(id: a.departmentId)
        let session = try await services.registration.terms(ofSession: a.sessionId)
        return .init(
            id: a.id, status: Components.Schemas.Appointment.StatusPayload(rawValue: a.status.rawValue) ?? .booked,
            patientId: a.patientId, sessionId: a.sessionId,
            slot: .init(
                id: a.slotId, date: a.date, period: Components.Schemas.Period(rawValue: session.period.rawValue) ?? .morning,
                start: a.startsAt, end: a.endsAt),
            doctor: .init(id: doctor.id, name: lang.pick(doctor.name, doctor.nameEn), title: lang.pick(doctor.title, doctor.titleEn)),
            department: .init(id: department.id, name: lang.pick(department.name, department.nameEn)),
            location: Self.location(department.location), fee: Self.yuan(session.feeCents),
            preparation: Preparation.shipped.notes(specialties: department.specialties, english: lang == .en),
            reason: a.reason, queueNumber: a.queueNumber, cancelReason: a.cancelReason, createdAt: a.createdAt,
            history: history?.map { .init(at: $0.at, actor: $0.actor, from: $0.from, to: $0.to, note: $0.note) }
        )
    }

    func presentSession(_ s: DoctorSession, withSlots: Bool) async throws -> Components.Schemas.Session {
        let now = services.clock.now()
        var slots: [Components.Schemas.Slot]?
        if withSlots {
            slots = try await services.registration.slots(
                SlotQuery(
                    doctorId: s.doctorId, date: s.date, period: s.period,
                    startingAfter: s.startsAt.addingTimeInterval(-1))
            )
            .filter { $0.sessionId == s.id }.map { Self.slot($0, now: now) }
        }
        return .init(
            id: s.id, doctorId: s.doctorId, departmentId: s.departmentId, date: s.date,
            period: Components.Schemas.Period(rawValue: s.period.rawValue) ?? .morning, start: s.startsAt, end: s.endsAt,
            slotMinutes: s.slotMinutes, capacityPerSlot: s.capacityPerSlot, fee: Self.yuan(s.feeCents), releaseAt: s.releaseAt,
            status: Components.Schemas.Session.StatusPayload(rawValue: s.status.rawValue) ?? .open, closeReason: s.closeReason,
            nowCalling: s.nowCalling, slots: slots)
    }
}
