import Foundation

extension JourneyRunner {
    enum StepOutcome {
        case reply(Components.Schemas.Reply)
        case streamed(StreamedReply)
        case api(APIOutcome)
    }

    /// Runs one step; ids it makes are saved under their kind's name (or the step's `save:`).
    func perform(_ step: Journey.Step, state: inout JourneyState) async throws -> StepOutcome {
        if let text = step.say {
            if state.conversationId == nil {
                state.conversationId = try await state.patient.startConversation(
                    patientId: nil, language: state.journey.language ?? "zh",
                    hospitalId: state.journey.hospital
                ).id
            }
            if step.stream == true {
                return .streamed(try await state.patient.sayStreaming(text, in: state.conversationId!, speech: step.speech))
            }
            return .reply(try await state.patient.say(text, in: state.conversationId!, speech: step.speech))
        }
        let outcome: APIOutcome
        var savedAs: String?
        if let booking = step.book {
            outcome = try await book(booking, savingAs: step.save ?? "appointment", state: &state)
            savedAs = "appointment"
        } else if let reference = step.cancel {
            outcome = try await state.patient.cancel(appointmentId: try state.resolve(reference))
        } else if let reference = step.checkIn {
            outcome = try await state.patient.checkIn(appointmentId: try state.resolve(reference))
        } else if let reference = step.queue {
            outcome = try await state.patient.queue(appointmentId: try state.resolve(reference))
        } else if let jump = step.clock {
            let base =
                try jump.dayOf.map { name in
                    guard let day = state.days[name] else { throw JourneyStepError("no booking saved as \(name) before this clock step") }
                    return day
                } ?? jump.day ?? 0
            guard let instant = state.instant(day: base - (jump.daysBefore ?? 0), time: jump.time) else {
                throw JourneyStepError("clock time must be HH:mm")
            }
            state.movedClock = true
            try await state.patient.setClock(instant)
            // Tokens are issued by the moved clock: sign in again, as the app would after a day.
            state.patient = try await PatientSession.signIn(server: server, phone: state.phone, httpClient: httpClient)
            if state.doctor != nil {
                state.doctor = nil
                _ = try await state.doctorSession()
            }
            if state.admin != nil {
                state.admin = nil
                _ = try await state.adminSession()
            }
            outcome = APIOutcome(status: ISO8601DateFormatter().string(from: instant))
        } else if let reference = step.openEncounter {
            outcome = try await state.doctorSession().openEncounter(appointmentId: try state.resolve(reference))
            savedAs = "encounter"
        } else if let lines = step.transcript {
            guard let encounter = state.values["encounter"] else { throw JourneyStepError("a transcript needs an encounter opened before it") }
            outcome = try await state.doctorSession().append(encounterId: encounter, turns: lines.map { ($0.speaker, $0.text) })
        } else if let template = step.draft {
            guard let encounter = state.values["encounter"] else { throw JourneyStepError("a draft needs an encounter opened before it") }
            outcome = try await state.doctorSession().draft(encounterId: encounter, template: template)
            savedAs = "draft"
        } else if let reference = step.sign {
            outcome = try await state.doctorSession().sign(recordId: try state.resolve(reference))
        } else if let plan = step.createSession {
            outcome = try await state.adminSession().createSession(
                doctorId: plan.doctor, date: state.date(day: plan.day), period: plan.period, start: plan.start, end: plan.end, capacity: plan.capacity
            )
            savedAs = "session"
            state.days[step.save ?? "session"] = plan.day
        } else if let reference = step.closeSession {
            outcome = try await state.adminSession().closeSession(sessionId: try state.resolve(reference), reason: "医生停诊")
        } else if let request = step.waitlist {
            let departmentId = try await state.patient.departmentId(named: request.department, hospitalId: state.journey.hospital)
            outcome = try await state.patient.joinWaitlist(
                departmentId: departmentId, doctorId: request.doctor, date: state.date(day: request.day),
                period: request.period, patientId: try state.patientId(request.patient))
            savedAs = "waitlist"
        } else if let kind = step.notification {
            outcome = try await state.patient.notification(kind: kind)
            savedAs = kind == "waitlist_offer" ? "offer" : "notification"
        } else {
            throw JourneyStepError("a step needs exactly one action")
        }
        if let id = outcome.id, outcome.problem == nil, let name = step.save ?? savedAs { state.values[name] = id }
        return .api(outcome)
    }
}

extension JourneyRunner {
    /// Books from a hold, or the chosen slot of the first day (from `day`, within a week) the department has slots;
    /// remembers that day under `name` for clock steps.
    func book(_ booking: Journey.Booking, savingAs name: String, state: inout JourneyState) async throws -> APIOutcome {
        let patientId = try state.patientId(booking.patient)
        if let hold = booking.hold { return try await state.patient.book(holdId: try state.resolve(hold), patientId: patientId) }
        guard let department = booking.department else { throw JourneyStepError("book needs a department (or a hold)") }
        let departmentId = try await state.patient.departmentId(named: department, hospitalId: state.journey.hospital)
        let first = booking.day ?? 0
        for day in first..<(first + 7) {
            let slots = try await state.patient.slots(
                departmentId: departmentId, doctorId: booking.doctor, date: state.date(day: day),
                period: booking.period)
            guard !slots.isEmpty else { continue }
            state.days[name] = day
            return try await state.patient.book(from: slots, slotNumber: booking.slot, patientId: patientId)
        }
        throw JourneyStepError("\(department) has no slots in the week from day +\(first)")
    }
}

extension Journey.Step {
    /// The step in a few words, for the transcript and the report.
    public var summary: String {
        if let say { return say }
        if let book {
            if let hold = book.hold { return "book the place held by \(hold)" }
            return "book \(book.department ?? "?")\(book.doctor.map { " (\($0))" } ?? ""), day +\(book.day ?? 0)\(book.period.map { " \($0)" } ?? "")"
        }
        if let createSession { return "admin opens \(createSession.doctor)'s \(createSession.period) session, day +\(createSession.day)" }
        if let closeSession { return "admin closes \(closeSession)" }
        if let waitlist {
            return "waitlist \(waitlist.department)\(waitlist.doctor.map { " (\($0))" } ?? ""), day +\(waitlist.day) \(waitlist.period)"
        }
        if let notification { return "notification \(notification)" }
        if let cancel { return "cancel \(cancel)" }
        if let checkIn { return "check in \(checkIn)" }
        if let queue { return "queue of \(queue)" }
        if let clock {
            let day = clock.dayOf.map { "the day of \($0)" } ?? "day +\(clock.day ?? 0)"
            return "clock → \(day)\(clock.daysBefore.map { " − \($0) days" } ?? "") \(clock.time)"
        }
        if let openEncounter { return "doctor opens the encounter of \(openEncounter)" }
        if let transcript { return "doctor posts \(transcript.count) turns" }
        if let draft { return "doctor drafts (\(draft))" }
        if let sign { return "doctor signs \(sign)" }
        return "?"
    }
}
