import Accounts
import Foundation
import Scheduling
import Storage

extension APIHandlers {
    func listSlots(_ input: Operations.ListSlots.Input) async throws -> Operations.ListSlots.Output {
        let period = try Self.period(input.query.period)
        try await requireHospital()
        let slots = try await services.registration.slots(
            SlotQuery(
                departmentId: input.query.departmentId, doctorId: input.query.doctorId, date: input.query.date, period: period))
        let now = services.clock.now()
        return .ok(.init(body: .json(.init(items: slots.map { Self.slot($0, now: now) }))))
    }

    func createHold(_ input: Operations.CreateHold.Input) async throws -> Operations.CreateHold.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        try await requireHospital()
        let hold = try await services.registration.hold(slotId: body.slotId, patientId: body.patientId, accountId: accountId)
        return .created(.init(body: .json(.init(id: hold.id, slotId: hold.slotId, patientId: hold.patientId, expiresAt: hold.expiresAt))))
    }

    func createAppointment(_ input: Operations.CreateAppointment.Input) async throws -> Operations.CreateAppointment.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let source: Registration.BookingSource
        switch (body.slotId, body.holdId) {
        case (let slot?, nil): source = .slot(slot)
        case (nil, let hold?): source = .hold(hold)
        default: throw ValidationFailed([FieldError("slotId", "give exactly one of slotId and holdId")])
        }
        try await requireHospital()
        let appointment = try await services.registration.book(source, patientId: body.patientId, accountId: accountId, reason: body.reason)
        return .created(.init(body: .json(try await present(appointment))))
    }

    func listAppointments(_ input: Operations.ListAppointments.Input) async throws -> Operations.ListAppointments.Output {
        let caller = try await schedulingCaller()
        let status = try input.query.status.map { raw -> Appointment.Status in
            guard let status = Appointment.Status(rawValue: raw) else {
                throw ValidationFailed([FieldError("status", "one of " + Appointment.Status.allCases.map(\.rawValue).joined(separator: ", "))])
            }
            return status
        }
        let items = try await services.registration.appointments(
            for: caller, patientId: input.query.patientId, status: status,
            limit: try Self.limit(input.query.limit))
        var presented: [Components.Schemas.Appointment] = []
        for item in items { presented.append(try await present(item)) }
        return .ok(.init(body: .json(.init(items: presented))))
    }

    func getAppointment(_ input: Operations.GetAppointment.Input) async throws -> Operations.GetAppointment.Output {
        let caller = try await schedulingCaller()
        let appointment = try await services.registration.appointment(id: input.path.appointmentId, for: caller)
        let history = try await services.registration.history(appointmentId: appointment.id, for: caller)
        return .ok(.init(body: .json(try await present(appointment, history: history))))
    }

    func cancelAppointment(_ input: Operations.CancelAppointment.Input) async throws -> Operations.CancelAppointment.Output {
        let caller = try await schedulingCaller()
        var reason: String?
        if case .json(let body) = input.body { reason = body.reason }
        let appointment = try await services.registration.cancel(appointmentId: input.path.appointmentId, reason: reason, by: caller)
        return .ok(.init(body: .json(try await present(appointment))))
    }

    func rescheduleAppointment(_ input: Operations.RescheduleAppointment.Input) async throws -> Operations.RescheduleAppointment.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let appointment = try await services.registration.reschedule(appointmentId: input.path.appointmentId, to: body.slotId, accountId: accountId)
        return .ok(.init(body: .json(try await present(appointment))))
    }

    func checkIn(_ input: Operations.CheckIn.Input) async throws -> Operations.CheckIn.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let (appointment, queue) = try await services.registration.checkIn(appointmentId: input.path.appointmentId, accountId: accountId)
        let location = try await services.directory.department(id: appointment.departmentId).location
        return .ok(
            .init(
                body: .json(
                    .init(
                        appointmentId: appointment.id, queueNumber: queue.queueNumber, ahead: queue.ahead, nowCalling: queue.nowCalling,
                        estimatedWaitMinutes: queue.estimatedWaitMinutes, late: appointment.late, location: Self.location(location)))))
    }

    func getQueue(_ input: Operations.GetQueue.Input) async throws -> Operations.GetQueue.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let queue = try await services.registration.queueStatus(appointmentId: input.path.appointmentId, accountId: accountId)
        return .ok(
            .init(
                body: .json(
                    .init(
                        queueNumber: queue.queueNumber, ahead: queue.ahead, nowCalling: queue.nowCalling,
                        estimatedWaitMinutes: queue.estimatedWaitMinutes))))
    }

    func joinWaitlist(_ input: Operations.JoinWaitlist.Input) async throws -> Operations.JoinWaitlist.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        guard let period = try Self.period(body.period) else { throw ValidationFailed([FieldError("period", "is required")]) }
        let entry = try await services.registration.joinWaitlist(
            patientId: body.patientId, accountId: accountId, doctorId: body.doctorId,
            departmentId: body.departmentId, date: body.date, period: period)
        return .created(.init(body: .json(Self.waitlist(entry))))
    }

    func listNotifications(_ input: Operations.ListNotifications.Input) async throws -> Operations.ListNotifications.Output {
        let accountId = try RequestScope.requirePatientAccount()
        try await services.registration.passOnExpiredOffers()
        let notices = try await services.registration.notifications(accountId: accountId, limit: try Self.limit(input.query.limit))
        return .ok(.init(body: .json(.init(items: notices.map(Self.notice)))))
    }

    static func notice(_ notice: Notice) -> Components.Schemas.Notification {
        .init(
            id: notice.id, kind: notice.kind, title: notice.title, body: notice.body, patientId: notice.patientId,
            appointmentId: notice.appointmentId, holdId: notice.holdId, createdAt: notice.createdAt)
    }

    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        guard case .admin = try await schedulingCaller() else { throw Problem.forbidden("Only administrators create sessions.") }
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        guard let period = try Self.period(body.period) else { throw ValidationFailed([FieldError("period", "is required")]) }
        guard body.fee.isFinite, body.fee >= 0, body.fee <= 100_000 else { throw ValidationFailed([FieldError("fee", "0–100000 yuan")]) }
        let session = try await services.registration.createSession(
            SessionPlan(
                doctorId: body.doctorId, date: body.date, period: period, start: body.start, end: body.end, slotMinutes: body.slotMinutes,
                capacityPerSlot: body.capacityPerSlot, feeCents: Int((body.fee * 100).rounded()), releaseAt: body.releaseAt))
        return .created(.init(body: .json(try await presentSession(session, withSlots: true))))
    }

    func closeSession(_ input: Operations.CloseSession.Input) async throws -> Operations.CloseSession.Output {
        let caller = try await schedulingCaller()
        guard case .admin = caller else { throw Problem.forbidden("Only administrators close sessions.") }
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let session = try await services.registration.closeSession(input.path.sessionId, reason: body.reason, by: caller)
        return .ok(.init(body: .json(try await presentSession(session, withSlots: false))))
    }

    func callNext(_ input: Operations.CallNext.Input) async throws -> Operations.CallNext.Output {
        let caller = try await schedulingCaller()
        if case .patient = caller { throw Problem.forbidden("Only the session's doctor calls patients.") }
        let appointment = try await services.registration.callNext(sessionId: input.path.sessionId, by: caller)
        return .ok(.init(body: .json(try await present(appointment))))
    }

    func markNoShows(_ input: Operations.MarkNoShows.Input) async throws -> Operations.MarkNoShows.Output {
        let caller = try await schedulingCaller()
        if case .patient = caller { throw Problem.forbidden("Only staff mark no-shows.") }
        let marked = try await services.registration.markNoShows(sessionId: input.path.sessionId, by: caller)
        return .ok(.init(body: .json(.init(marked: marked))))
    }
}
