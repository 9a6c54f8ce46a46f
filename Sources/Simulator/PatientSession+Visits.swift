import Foundation
import OpenAPIRuntime

/// The appointment steps of a journey, through the same API the phone app uses.
extension PatientSession {
    /// The department's id, found by its name (or id), in the hospital when one is given.
    public func departmentId(named name: String, hospitalId: String? = nil) async throws -> String {
        let listed = try await client.listDepartments(query: .init(hospitalId: hospitalId))
        guard case .ok(let ok) = listed else { throw SimulatorError("listing departments failed: \(listed)") }
        guard let department = try ok.body.json.items.first(where: { $0.name == name || $0.id == name }) else {
            throw SimulatorError("no department named \(name)")
        }
        return department.id
    }

    /// The slots of a department (or one of its doctors) on a day.
    public func slots(departmentId: String, doctorId: String?, date: String, period: String?) async throws -> [Components.Schemas.Slot] {
        let slots = try await client.listSlots(query: .init(departmentId: departmentId, doctorId: doctorId, date: date, period: period))
        guard case .ok(let slotList) = slots else { throw SimulatorError("listing slots failed: \(slots)") }
        return try slotList.body.json.items
    }

    /// Books the chosen slot (counting from 1) for a patient profile; by default the first with a place, and the next
    /// ones while a place turns out taken (the availability a client reads may be a second old).
    public func book(from slots: [Components.Schemas.Slot], slotNumber: Int?, patientId: String) async throws -> APIOutcome {
        if let slotNumber {
            guard slots.indices.contains(slotNumber - 1) else { throw SimulatorError("there is no slot \(slotNumber)") }
            return try await client.createAppointment(body: .json(.init(slotId: slots[slotNumber - 1].id, patientId: patientId))).outcome
        }
        let open = slots.filter { $0.remaining > 0 }
        var outcome = APIOutcome(problem: "slot_full")
        for slot in (open.isEmpty ? Array(slots.prefix(1)) : open) {
            outcome = try await client.createAppointment(body: .json(.init(slotId: slot.id, patientId: patientId))).outcome
            if outcome.problem != "slot_full" { return outcome }
        }
        return outcome
    }

    /// Books the place a waitlist offer holds.
    public func book(holdId: String, patientId: String) async throws -> APIOutcome {
        try await client.createAppointment(body: .json(.init(holdId: holdId, patientId: patientId))).outcome
    }

    /// Joins the waitlist of a doctor (or a department) for a date and period.
    public func joinWaitlist(departmentId: String, doctorId: String?, date: String, period: String, patientId: String) async throws -> APIOutcome {
        let body = Components.Schemas.WaitlistRequest(
            doctorId: doctorId, departmentId: doctorId == nil ? departmentId : nil, date: date,
            period: period, patientId: patientId)
        switch try await client.joinWaitlist(body: .json(body)) {
        case .created(let ok): let entry = try ok.body.json; return APIOutcome(id: entry.id, status: entry.status.rawValue)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    /// The newest notification of a kind; its id is the hold it offers when it offers one.
    public func notification(kind: String) async throws -> APIOutcome {
        let listed = try await client.listNotifications()
        guard case .ok(let ok) = listed else { throw SimulatorError("listing notifications failed: \(listed)") }
        let kinds = try ok.body.json.items.map(\.kind)
        guard let found = try ok.body.json.items.first(where: { $0.kind == kind }) else {
            return APIOutcome(problem: "no_\(kind)", detail: "notifications: \(kinds.joined(separator: ", ").nonEmpty ?? "none")")
        }
        return APIOutcome(id: found.holdId ?? found.appointmentId ?? found.id, status: found.kind)
    }

    public func cancel(appointmentId: String) async throws -> APIOutcome {
        switch try await client.cancelAppointment(path: .init(appointmentId: appointmentId), body: .json(.init(reason: "simulated"))) {
        case .ok(let ok): let body = try ok.body.json; return APIOutcome(id: body.id, status: body.status.rawValue)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    public func checkIn(appointmentId: String) async throws -> APIOutcome {
        switch try await client.checkIn(path: .init(appointmentId: appointmentId)) {
        case .ok(let ok): let body = try ok.body.json; return APIOutcome(id: body.appointmentId, status: "checked_in", queueNumber: body.queueNumber)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    public func queue(appointmentId: String) async throws -> APIOutcome {
        switch try await client.getQueue(path: .init(appointmentId: appointmentId)) {
        case .ok(let ok): return APIOutcome(queueNumber: try ok.body.json.queueNumber)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    /// A dev server's "now", or nil from a server without time control (production).
    public func serverNow() async throws -> Date? {
        guard case .ok(let ok) = try await anonymous.getDevClock() else { return nil }
        return try ok.body.json.now
    }

    /// Moves a dev server's clock (the time control exists only in dev mode).
    public func setClock(_ date: Date) async throws {
        let moved = try await anonymous.setDevClock(body: .json(.init(now: date)))
        guard case .ok = moved else { throw SimulatorError("the server has no time control (dev mode only): \(moved)") }
    }
}
