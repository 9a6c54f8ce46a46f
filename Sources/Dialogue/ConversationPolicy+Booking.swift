import Foundation
import ModelRuntime

/// Booking by talking and the visit day: propose slots, pick one, pick the patient, confirm, book; cancel and
/// reschedule; check in, the queue, and the way through the hospital after the consultation.
extension ConversationPolicy {
    /// A reply when the message is about appointments or the visit day, else nil (the message is something else).
    func bookingTurn(_ u: Utterance, text: String, state: inout ConversationState, accountId: String) async throws -> Reply? {
        let language = state.language
        // A day or time of day said with symptoms (晚上起夜, worse in the morning) describes the complaint, not a wish for
        // when to come, unless the message also asks to book.
        let aboutWhen = u.facts.symptoms.isEmpty || u.intent == .book || u.intent == .reschedule
        if aboutWhen, u.daysFromToday != nil { state.askedDay = u.daysFromToday }
        if aboutWhen, u.period != nil { state.askedPeriod = u.period }

        switch u.intent {
        case .arrived: return try await arrive(&state, accountId: accountId)
        case .queueStatus: return try await queue(&state, accountId: accountId)
        // Saying "cancel" again while a cancellation waits for its yes is the yes.
        case .cancel where state.pending == .cancel: return try await carryOut(.cancel, state: &state, accountId: accountId)
        case .cancel: return try await askToCancel(&state, accountId: accountId)
        default: break
        }
        if Self.isDoneWithDoctor(text) || (state.stage == .visit && !state.nextSteps.isEmpty && (u.intent == .affirm || Self.isNextStep(text))) {
            return try await nextStep(&state, text: text)
        }

        if let pending = state.pending {
            switch (pending, u.intent) {
            case (.choosePatient, _):
                let patients = try await desk.patients(accountId: accountId)
                if let index = u.choiceIndex, patients.indices.contains(index) {
                    state.patientId = patients[index].id
                } else if let named = patients.first(where: { text.contains($0.name) }) {
                    state.patientId = named.id
                } else {
                    return askPatient(patients, state: &state)
                }
                state.pending = .book
                return try await askToConfirm(&state)
            case (_, .affirm):
                return try await carryOut(pending, state: &state, accountId: accountId)
            case (.cancel, .deny):
                state.pending = nil
                state.stage = .booked
                return Reply(text: Phrases.say("booking.kept", language), stage: .booked, language: language)
            default:
                break
            }
        }
        if !state.offers.isEmpty, let picked = pick(u, from: state.offers) {
            state.chosen = picked
            if state.pending != .reschedule { state.pending = .book }
            if state.pending == .book, state.patientId == nil {
                let patients = try await desk.patients(accountId: accountId)
                // A child's complaint is booked for a child's profile only: never silently for the parent's.
                let fitting = state.facts.isChild ? patients.filter { ($0.ageYears ?? 99) < 14 } : patients
                if fitting.count == 1 {
                    state.patientId = fitting[0].id
                } else {
                    return askPatient(patients, state: &state, needsChild: state.facts.isChild && fitting.isEmpty)
                }
            }
            return try await askToConfirm(&state)
        }
        switch u.intent {
        case .reschedule:
            guard state.visit != nil else { return nil }
            if let closed = closedToChanges(&state) { return closed }
            state.pending = .reschedule
            return try await propose(&state)
        case .otherDoctor:
            let current = state.chosen?.doctorId ?? state.offers.first?.doctorId
            if let current, !state.excludedDoctors.contains(current) { state.excludedDoctors.append(current) }
            if state.pending == nil { state.pending = .book }
            return try await propose(&state)
        case .affirm where state.stage == .booked && state.pending == nil, .deny where state.stage == .booked && state.pending == nil:
            // "好的" after a confirmation is an acknowledgement, not a request to change anything.
            return Reply(
                text: Phrases.say("anything_else", language), stage: .booked, language: language,
                quickReplies: Phrases.quick(["preparation", "another_time", "cancel_it"], language))
        case .book, .affirm, .change, .deny:
            guard let triage = state.triage, triage.level != .emergency else { return nil }
            if u.intent == .deny, state.offers.isEmpty {
                return Reply(
                    text: Phrases.say("whenever", language), stage: state.stage, language: language)
            }
            if u.intent == .deny || u.intent == .change { state.chosen = nil }
            if u.intent == .book {
                // "帮我预约" / "再约一个" asks for a new appointment, even when one was booked here already.
                state.pending = .book
            } else if state.pending == nil || state.pending == .choosePatient {
                if state.visit != nil, let closed = closedToChanges(&state) { return closed }
                state.pending = state.visit == nil ? .book : .reschedule
            }
            return try await propose(&state)
        default:
            // "明天下午" while slots are being discussed asks for other times.
            if u.daysFromToday != nil || u.period != nil, state.triage != nil, state.stage == .booking || state.stage == .confirming {
                return try await propose(&state)
            }
            return nil
        }
    }

    // MARK: - Proposing and confirming

    private func propose(_ state: inout ConversationState) async throws -> Reply {
        let language = state.language
        guard
            let triage = state.triage
                ?? state.visit.map({ TriageResult(level: .routine, departmentId: $0.departmentId, redFlags: [], reason: "routine") })
        else {
            return Reply(text: Phrases.followUp("complaint", language), stage: .triage, language: language)
        }
        let departmentId = state.visit?.departmentId ?? triage.departmentId
        let urgent = triage.level == .urgent
        let avoid = state.avoidDates
        var slots = try await desk.slots(
            departmentId: departmentId, day: state.askedDay, period: state.askedPeriod, within24Hours: urgent,
            excludingDoctors: state.excludedDoctors, limit: 30, language: language
        )
        .filter { !avoid.contains($0.date) }.prefix(5).map { $0 }
        var note = ""
        let unreleased = slots.filter { !$0.released }
        slots = slots.filter(\.released)
        if slots.isEmpty, state.askedDay != nil || state.askedPeriod != nil {
            if let first = unreleased.first {
                note = Phrases.say("booking.not_released_then", language, ["release": Phrases.instant(first.releaseAt, language)])
            } else {
                note = Phrases.say("booking.none_then", language)
            }
            slots = try await desk.slots(
                departmentId: departmentId, day: nil, period: nil, within24Hours: urgent,
                excludingDoctors: state.excludedDoctors, limit: 30, language: language
            )
            .filter { $0.released && !avoid.contains($0.date) }.prefix(5).map { $0 }
        }
        state.offers = slots
        state.chosen = nil
        guard !slots.isEmpty else {
            state.stage = .booking
            return Reply(
                text: Phrases.say(urgent ? "booking.none_within_a_day" : "booking.none_soon", language),
                stage: .booking, language: language, quickReplies: Phrases.quick(["handoff"], language))
        }
        state.stage = .booking
        let lines = slots.enumerated().map { index, slot in
            Phrases.say(
                "booking.slot_line", language,
                [
                    "number": "\(index + 1)", "day": Phrases.day(slot.date, language), "time": slot.time, "doctor": slot.doctorName,
                    "fee": Phrases.fee(slot.feeYuan, language), "left": "\(slot.remaining)",
                ])
        }
        let head = Phrases.say("booking.times", language, ["department": slots[0].departmentName])
        let tail = Phrases.say("booking.which", language)
        return Reply(
            text: note + head + "\n" + lines.joined(separator: "\n") + "\n" + tail, stage: .booking, language: language,
            quickReplies: slots.indices.prefix(3).map { Phrases.say("quick_number", language, ["n": "\($0 + 1)"]) }
                + Phrases.quick(["another_time"], language),
            cards: [Card(type: "slots", title: slots[0].departmentName, slots: slots)])
    }

    private func askPatient(_ patients: [PatientChoice], state: inout ConversationState, needsChild: Bool = false) -> Reply {
        let language = state.language
        state.pending = .choosePatient
        state.stage = .booking
        if needsChild {
            return Reply(
                text: Phrases.say("booking.add_child", language),
                stage: .booking, language: language, quickReplies: patients.map(\.name))
        }
        if patients.isEmpty {
            return Reply(
                text: Phrases.say("booking.add_patient", language),
                stage: .booking, language: language)
        }
        return Reply(
            text: Phrases.say("booking.who_for", language), stage: .booking, language: language,
            quickReplies: patients.map(\.name))
    }

    private func askToConfirm(_ state: inout ConversationState) async throws -> Reply {
        let language = state.language
        guard let slot = state.chosen else { return try await propose(&state) }
        state.stage = .confirming
        let text = Phrases.say(
            state.pending == .reschedule ? "booking.confirm_move" : "booking.confirm", language,
            [
                "day": Phrases.day(slot.date, language), "time": slot.time, "department": slot.departmentName, "doctor": slot.doctorName,
                "fee": Phrases.fee(slot.feeYuan, language),
            ])
        return Reply(
            text: text, stage: .confirming, language: language,
            quickReplies: Phrases.quick(["yes_book", "another_one", "no"], language),
            cards: [Card(type: "slots", title: slot.departmentName, slots: [slot])])
    }

    private func carryOut(_ pending: ConversationState.Pending, state: inout ConversationState, accountId: String) async throws -> Reply {
        let language = state.language
        do {
            switch pending {
            case .book:
                guard let slot = state.chosen, let patientId = state.patientId else { return try await propose(&state) }
                let visit = try await desk.book(
                    slotId: slot.slotId, patientId: patientId, accountId: accountId,
                    reason: state.facts.complaint, language: language)
                return booked(visit, rescheduled: false, state: &state)
            case .reschedule:
                guard let slot = state.chosen, let visit = state.visit else { return try await propose(&state) }
                let moved = try await desk.reschedule(
                    appointmentId: visit.appointmentId, toSlot: slot.slotId, accountId: accountId, language: language)
                return booked(moved, rescheduled: true, state: &state)
            case .cancel:
                guard let visit = state.visit else { return try await propose(&state) }
                try await desk.cancel(appointmentId: visit.appointmentId, accountId: accountId)
                state.visit = nil
                state.pending = nil
                state.stage = .followup
                return Reply(
                    text: Phrases.say(
                        "booking.cancelled", language,
                        ["day": Phrases.day(visit.date, language), "time": visit.time, "department": visit.departmentName]),
                    stage: .followup, language: language, actions: [Action(type: "appointment_cancelled", appointmentId: visit.appointmentId)])
            case .choosePatient:
                return try await askToConfirm(&state)
            }
        } catch let refusal as BookingRefusal {
            return try await explain(refusal, state: &state)
        }
    }

    private func booked(_ visit: Visit, rescheduled: Bool, state: inout ConversationState) -> Reply {
        let language = state.language
        state.visit = visit
        state.pending = nil
        state.offers = []
        state.chosen = nil
        state.stage = .booked
        let place = visit.place.map { Phrases.place($0, language) } ?? ""
        let text = Phrases.say(
            rescheduled ? "booking.moved" : "booking.booked", language,
            [
                "day": Phrases.day(visit.date, language), "time": visit.time, "department": visit.departmentName, "doctor": visit.doctorName,
                "place": place,
            ])
        var cards = [
            Card(
                type: "appointment", title: visit.departmentName, text: visit.preparation.joined(separator: "\n"), place: visit.place,
                appointmentId: visit.appointmentId)
        ]
        if let place = visit.place {
            cards.append(Card(type: "directions", title: visit.departmentName, text: Phrases.place(place, language), place: place))
        }
        return Reply(
            text: text, stage: .booked, language: language,
            quickReplies: Phrases.quick(["another_time", "cancel_it", "preparation"], language),
            cards: cards, actions: [Action(type: rescheduled ? "appointment_rescheduled" : "appointment_booked", appointmentId: visit.appointmentId)])
    }

    /// A rule's no, in plain words, with what can be done instead.
    private func explain(_ refusal: BookingRefusal, state: inout ConversationState) async throws -> Reply {
        let language = state.language
        let why: String
        switch refusal {
        case .slotFull: why = Phrases.say("booking.refused.full", language)
        case .notReleased(let at):
            why = Phrases.say("booking.refused.not_released", language, ["release": Phrases.instant(at, language)])
        case .duplicate:
            why = Phrases.say("booking.refused.duplicate", language)
        case .dailyLimit:
            state.pending = nil
            return Reply(
                text: Phrases.say("booking.refused.daily_limit", language), stage: .booking,
                language: language)
        case .banned(let until):
            state.pending = nil
            return Reply(
                text: Phrases.say("booking.refused.banned", language, ["until": Phrases.instant(until, language)]),
                stage: .booking, language: language, quickReplies: Phrases.quick(["registration_where", "handoff"], language))
        case .pastCutoff:
            return pastCutoff(&state)
        case .unavailable, .notFound, .checkInNotOpen: why = Phrases.say("booking.refused.unavailable", language)
        }
        if refusal == .duplicate, let date = state.chosen?.date, !state.avoidDates.contains(date) { state.avoidDates.append(date) }
        let alternatives = try await propose(&state)
        return Reply(
            text: why + alternatives.text, stage: alternatives.stage, language: language, quickReplies: alternatives.quickReplies,
            cards: alternatives.cards)
    }

    // MARK: - Cancel

    private func askToCancel(_ state: inout ConversationState, accountId: String) async throws -> Reply? {
        let language = state.language
        if state.visit == nil { state.visit = try await desk.visitToday(accountId: accountId, patientId: state.patientId, language: language) }
        guard let visit = state.visit else {
            if state.pending == .book || state.pending == .choosePatient {
                state.pending = nil
                state.offers = []
                state.chosen = nil
                return Reply(text: Phrases.say("booking.dropped", language), stage: .triage, language: language)
            }
            return Reply(
                text: Phrases.say("cancel.nothing_here", language),
                stage: state.stage, language: language)
        }
        if let closed = closedToChanges(&state) { return closed }
        state.pending = .cancel
        state.stage = .confirming
        return Reply(
            text: Phrases.say(
                "cancel.confirm", language, ["day": Phrases.day(visit.date, language), "time": visit.time, "department": visit.departmentName]),
            stage: .confirming, language: language, quickReplies: Phrases.quick(["yes_cancel", "keep_it"], language))
    }

    /// The cut-off said before any time is offered or any yes asked for: nil while the visit can still change.
    private func closedToChanges(_ state: inout ConversationState) -> Reply? {
        guard let closesAt = state.visit?.changesCloseAt, desk.now() > closesAt else { return nil }
        return pastCutoff(&state)
    }

    private func pastCutoff(_ state: inout ConversationState) -> Reply {
        let language = state.language
        state.pending = nil
        state.offers = []
        state.chosen = nil
        state.stage = .booked
        let when = state.visit?.changesCloseAt.map { Phrases.instant($0, language) }
        let closed =
            when.map { Phrases.say("cutoff_passed_on", language, ["when": $0]) }
            ?? Phrases.say("cutoff_passed", language)
        return Reply(
            text: closed + Phrases.say("call_hospital_if_cannot_come", language),
            stage: .booked, language: language)
    }

    // MARK: - The visit day

    private func arrive(_ state: inout ConversationState, accountId: String) async throws -> Reply {
        let language = state.language
        guard let visit = try await desk.visitToday(accountId: accountId, patientId: state.patientId, language: language) else {
            return Reply(
                text: Phrases.say("visit.none_today_help", language),
                stage: state.stage, language: language)
        }
        state.visit = visit
        do {
            let queue = try await desk.checkIn(appointmentId: visit.appointmentId, accountId: accountId)
            state.stage = .visit
            let place = visit.place.map { Phrases.place($0, language) } ?? ""
            return Reply(
                text: Phrases.say(
                    "visit.checked_in", language,
                    ["number": "\(queue.queueNumber)", "ahead": "\(queue.ahead)", "minutes": "\(queue.estimatedWaitMinutes)", "place": place]),
                stage: .visit, language: language, quickReplies: Phrases.quick(["how_long", "toilet_where"], language),
                cards: visit.place.map { [Card(type: "directions", title: visit.departmentName, text: Phrases.place($0, language), place: $0)] }
                    ?? [],
                actions: [Action(type: "checked_in", appointmentId: visit.appointmentId)])
        } catch let refusal as BookingRefusal {
            return Reply(
                text: refusal == .checkInNotOpen
                    ? Phrases.say("visit.check_in_not_open", language)
                    : Phrases.say("visit.check_in_refused", language),
                stage: state.stage, language: language)
        }
    }

    private func queue(_ state: inout ConversationState, accountId: String) async throws -> Reply {
        let language = state.language
        if state.visit == nil { state.visit = try await desk.visitToday(accountId: accountId, patientId: state.patientId, language: language) }
        guard let visit = state.visit else {
            return Reply(text: Phrases.say("visit.none_today", language), stage: state.stage, language: language)
        }
        do {
            let queue = try await desk.queue(appointmentId: visit.appointmentId, accountId: accountId)
            let calling = queue.nowCalling.map { Phrases.say("visit.now_calling", language, ["number": "\($0)"]) } ?? ""
            let text =
                queue.ahead == 0
                ? Phrases.say("visit.next", language, ["calling": calling, "number": "\(queue.queueNumber)"])
                : Phrases.say(
                    "visit.waiting", language,
                    ["calling": calling, "number": "\(queue.queueNumber)", "ahead": "\(queue.ahead)", "minutes": "\(queue.estimatedWaitMinutes)"])
            return Reply(text: text, stage: .visit, language: language)
        } catch is BookingRefusal {
            return Reply(
                text: Phrases.say("visit.not_checked_in", language),
                stage: state.stage, language: language)
        }
    }

    /// After the consultation: the places still to go, one at a time (pay first; then tests; then the pharmacy).
    private func nextStep(_ state: inout ConversationState, text: String) async throws -> Reply {
        let language = state.language
        if Self.isDoneWithDoctor(text) {
            var steps = ["payment"]
            for (kind, words) in Self.orderedTests where words.contains(where: text.contains) { steps.append(kind) }
            if Self.medicineWords.contains(where: text.contains) || steps.count == 1 { steps.append("pharmacy") }
            state.nextSteps = steps
        } else if !state.nextSteps.isEmpty {
            state.nextSteps.removeFirst()
        }
        state.stage = .visit
        guard let kind = state.nextSteps.first else {
            state.stage = .followup
            return Reply(
                text: Phrases.say("visit.all_done", language),
                stage: .followup, language: language)
        }
        let place = try await guide.place(kind: kind, hospitalId: state.hospitalId, language: language)
        let step = ["payment", "laboratory", "radiology", "ultrasound"].contains(kind) ? kind : "pharmacy"
        let text = Phrases.say("visit.step.\(step)", language, ["place": place.map { Phrases.place($0, language) } ?? ""])
        return Reply(
            text: text, stage: .visit, language: language, quickReplies: Phrases.quick(["done", "results_when"], language),
            cards: place.map { [Card(type: "directions", title: $0.name, text: Phrases.place($0, language), place: $0)] } ?? [])
    }

    static let orderedTests: [(String, [String])] = [
        ("laboratory", ["抽血", "化验", "验血", "验尿", "blood test", "lab"]),
        ("radiology", ["拍片", "ct", "x光", "核磁", "x-ray", "scan"]),
        ("ultrasound", ["b超", "彩超", "超声", "ultrasound"]),
    ]
    static let medicineWords = ["药", "medicine", "prescription"]

    static func isDoneWithDoctor(_ text: String) -> Bool {
        let folded = Folded.text(text)
        return ["看完了", "看完医生", "医生看完", "医生让我", "医生开了", "医生说要", "saw the doctor", "seen the doctor", "doctor is done", "doctor ordered"]
            .contains(where: folded.contains)
    }

    static func isNextStep(_ text: String) -> Bool {
        let folded = Folded.text(text)
        return ["好了", "缴完了", "交完了", "抽完了", "做完了", "拍完了", "下一步", "然后呢", "done", "next", "finished"].contains(where: folded.contains)
    }

    // MARK: - Picking and words

    private func pick(_ u: Utterance, from offers: [SlotOption]) -> SlotOption? {
        if let time = u.choiceTime, let slot = offers.first(where: { $0.time == time }) { return slot }
        if let index = u.choiceIndex, offers.indices.contains(index) { return offers[index] }
        return nil
    }
}
