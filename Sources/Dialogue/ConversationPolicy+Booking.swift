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
                return Reply(text: language.pick("好的，预约为您保留。", "All right, the appointment stays as it is."), stage: .booked, language: language)
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
                if fitting.count == 1 { state.patientId = fitting[0].id } else { return askPatient(patients, state: &state, needsChild: state.facts.isChild && fitting.isEmpty) }
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
            return Reply(text: language.pick("好的。还有什么可以帮您？", "All right. Anything else I can do?"), stage: .booked, language: language,
                         quickReplies: language.pick(["需要准备什么", "换个时间", "取消这个预约"], ["What should I bring?", "Another time", "Cancel it"]))
        case .book, .affirm, .change, .deny:
            guard let triage = state.triage, triage.level != .emergency else { return nil }
            if u.intent == .deny, state.offers.isEmpty {
                return Reply(text: language.pick("好的。需要的时候随时告诉我。", "All right. Tell me whenever you need me."), stage: state.stage, language: language)
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
        guard let triage = state.triage ?? state.visit.map({ TriageResult(level: .routine, departmentId: $0.departmentId, redFlags: [], reason: "routine") }) else {
            return Reply(text: Phrases.followUp("complaint", language), stage: .triage, language: language)
        }
        let departmentId = state.visit?.departmentId ?? triage.departmentId
        let urgent = triage.level == .urgent
        let avoid = state.avoidDates
        var slots = try await desk.slots(departmentId: departmentId, day: state.askedDay, period: state.askedPeriod, within24Hours: urgent,
                                         excludingDoctors: state.excludedDoctors, limit: 30, language: language)
            .filter { !avoid.contains($0.date) }.prefix(5).map { $0 }
        var note = ""
        let unreleased = slots.filter { !$0.released }
        slots = slots.filter(\.released)
        if slots.isEmpty, state.askedDay != nil || state.askedPeriod != nil {
            if let first = unreleased.first {
                note = language.pick("那天的号还没放出，\(Self.describe(first.releaseAt, language))开放预约。先看看已经开放的时间：",
                                     "That day's places are not released yet; they open \(Self.describe(first.releaseAt, language)). Times open now: ")
            } else {
                note = language.pick("那个时间已经没有号了。看看其他时间：", "There is nothing left then. Other times: ")
            }
            slots = try await desk.slots(departmentId: departmentId, day: nil, period: nil, within24Hours: urgent,
                                         excludingDoctors: state.excludedDoctors, limit: 30, language: language)
                .filter { $0.released && !avoid.contains($0.date) }.prefix(5).map { $0 }
        }
        state.offers = slots
        state.chosen = nil
        guard !slots.isEmpty else {
            state.stage = .booking
            return Reply(text: language.pick("抱歉，\(urgent ? "24 小时内" : "近期")没有可预约的号了。可以加入候补，有人退号时会通知您；情况加重请直接去急诊。",
                                             "Sorry, there are no places \(urgent ? "within 24 hours" : "in the coming days"). You can join the waitlist and be told when a place frees up; if it gets worse, go to the emergency department."),
                         stage: .booking, language: language, quickReplies: language.pick(["转人工"], ["Talk to a person"]))
        }
        state.stage = .booking
        let lines = slots.enumerated().map { index, slot in
            language.pick("\(index + 1). \(Self.day(slot.date, language)) \(slot.time) \(slot.doctorName) \(Self.fee(slot.feeYuan, language))，剩\(slot.remaining)个",
                          "\(index + 1). \(Self.day(slot.date, language)) \(slot.time) \(slot.doctorName), \(Self.fee(slot.feeYuan, language)), \(slot.remaining) left")
        }
        let head = language.pick("\(slots[0].departmentName)可以预约的时间：", "\(slots[0].departmentName) has these times:")
        let tail = language.pick("请问选哪一个？", "Which one would you like?")
        return Reply(text: note + head + "\n" + lines.joined(separator: "\n") + "\n" + tail, stage: .booking, language: language,
                     quickReplies: slots.indices.prefix(3).map { language.pick("第\($0 + 1)个", "Number \($0 + 1)") } + [language.pick("换个时间", "Another time")],
                     cards: [Card(type: "slots", title: slots[0].departmentName, slots: slots)])
    }

    private func askPatient(_ patients: [PatientChoice], state: inout ConversationState, needsChild: Bool = false) -> Reply {
        let language = state.language
        state.pending = .choosePatient
        state.stage = .booking
        if needsChild {
            return Reply(text: language.pick("这次是为孩子预约，请先在“就诊人”里添加孩子（姓名、性别、出生日期），然后告诉我孩子的名字。",
                                             "This appointment is for a child: please add the child under Patients (name, sex, date of birth), then tell me the child's name."),
                         stage: .booking, language: language, quickReplies: patients.map(\.name))
        }
        if patients.isEmpty {
            return Reply(text: language.pick("预约需要先添加就诊人（姓名、性别、出生日期）。请在“就诊人”里添加后再告诉我。",
                                             "Booking needs a patient profile first (name, sex, date of birth). Add one under Patients, then tell me."),
                         stage: .booking, language: language)
        }
        return Reply(text: language.pick("请问为哪位就诊人预约？", "Who is the appointment for?"), stage: .booking, language: language,
                     quickReplies: patients.map(\.name))
    }

    private func askToConfirm(_ state: inout ConversationState) async throws -> Reply {
        let language = state.language
        guard let slot = state.chosen else { return try await propose(&state) }
        state.stage = .confirming
        let what = state.pending == .reschedule
            ? language.pick("改到", "move it to")
            : language.pick("预约", "book")
        let text = language.pick("请确认：\(what)\(Self.day(slot.date, language)) \(slot.time)，\(slot.departmentName) \(slot.doctorName)，挂号费\(Self.fee(slot.feeYuan, language))。确认吗？",
                                 "Please confirm: \(what) \(Self.day(slot.date, language)) at \(slot.time), \(slot.departmentName), \(slot.doctorName), fee \(Self.fee(slot.feeYuan, language)). Shall I?")
        return Reply(text: text, stage: .confirming, language: language,
                     quickReplies: language.pick(["确认", "换一个", "不用了"], ["Yes, book it", "Another one", "No"]),
                     cards: [Card(type: "slots", title: slot.departmentName, slots: [slot])])
    }

    private func carryOut(_ pending: ConversationState.Pending, state: inout ConversationState, accountId: String) async throws -> Reply {
        let language = state.language
        do {
            switch pending {
            case .book:
                guard let slot = state.chosen, let patientId = state.patientId else { return try await propose(&state) }
                let visit = try await desk.book(slotId: slot.slotId, patientId: patientId, accountId: accountId,
                                                reason: state.facts.complaint, language: language)
                return booked(visit, rescheduled: false, state: &state)
            case .reschedule:
                guard let slot = state.chosen, let visit = state.visit else { return try await propose(&state) }
                let moved = try await desk.reschedule(appointmentId: visit.appointmentId, toSlot: slot.slotId, accountId: accountId, language: language)
                return booked(moved, rescheduled: true, state: &state)
            case .cancel:
                guard let visit = state.visit else { return try await propose(&state) }
                try await desk.cancel(appointmentId: visit.appointmentId, accountId: accountId)
                state.visit = nil
                state.pending = nil
                state.stage = .followup
                return Reply(text: language.pick("已为您取消\(Self.day(visit.date, language)) \(visit.time)的\(visit.departmentName)预约，挂号费会原路退回。",
                                                 "Your \(visit.departmentName) appointment on \(Self.day(visit.date, language)) at \(visit.time) is cancelled; the fee is refunded."),
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
        let queue = language.pick("就诊当天请提前 30 分钟到，跟我说“我到医院了”就能签到取号。", "On the day, arrive 30 minutes early and tell me \"I'm here\" to check in.")
        let text = language.pick("\(rescheduled ? "已改约" : "预约成功")：\(Self.day(visit.date, language)) \(visit.time)，\(visit.departmentName) \(visit.doctorName)。\(place)\(queue)",
                                 "\(rescheduled ? "Moved" : "Booked"): \(Self.day(visit.date, language)) at \(visit.time), \(visit.departmentName), \(visit.doctorName). \(place) \(queue)")
        var cards = [Card(type: "appointment", title: visit.departmentName, text: visit.preparation.joined(separator: "\n"), place: visit.place,
                          appointmentId: visit.appointmentId)]
        if let place = visit.place { cards.append(Card(type: "directions", title: visit.departmentName, text: Phrases.place(place, language), place: place)) }
        return Reply(text: text, stage: .booked, language: language,
                     quickReplies: language.pick(["换个时间", "取消这个预约", "需要准备什么"], ["Another time", "Cancel it", "What should I bring?"]),
                     cards: cards, actions: [Action(type: rescheduled ? "appointment_rescheduled" : "appointment_booked", appointmentId: visit.appointmentId)])
    }

    /// A rule's no, in plain words, with what can be done instead.
    private func explain(_ refusal: BookingRefusal, state: inout ConversationState) async throws -> Reply {
        let language = state.language
        let why: String
        switch refusal {
        case .slotFull: why = language.pick("这个号刚刚被约满了。", "That place was just taken.")
        case .notReleased(let at): why = language.pick("这个号还没放出，\(Self.describe(at, language))开放。", "That place is not released yet; it opens \(Self.describe(at, language)).")
        case .duplicate: why = language.pick("同一位就诊人同一天同一个科室只能约一个号，时间也不能重叠。", "One patient can have one appointment per department per day, and none that overlap.")
        case .dailyLimit:
            state.pending = nil
            return Reply(text: language.pick("这个账号今天的预约次数已经用完了，明天再约吧。", "This account has used today's bookings; please book tomorrow."), stage: .booking, language: language)
        case .banned(let until):
            state.pending = nil
            return Reply(text: language.pick("因为 90 天内爽约 3 次，\(Self.describe(until, language))之前暂时不能在线预约。可以到医院挂号窗口办理。",
                                             "After 3 missed appointments in 90 days, online booking is paused until \(Self.describe(until, language)). The registration desk at the hospital can still help."),
                         stage: .booking, language: language, quickReplies: language.pick(["挂号处在哪里", "转人工"], ["Where is registration?", "Talk to a person"]))
        case .pastCutoff:
            return pastCutoff(&state)
        case .unavailable, .notFound, .checkInNotOpen: why = language.pick("这个时间已经不能预约了。", "That time can no longer be booked.")
        }
        if refusal == .duplicate, let date = state.chosen?.date, !state.avoidDates.contains(date) { state.avoidDates.append(date) }
        let alternatives = try await propose(&state)
        return Reply(text: why + alternatives.text, stage: alternatives.stage, language: language, quickReplies: alternatives.quickReplies,
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
                return Reply(text: language.pick("好的，不预约了。", "All right, no booking."), stage: .triage, language: language)
            }
            return Reply(text: language.pick("在这次对话里还没有预约。要取消其他预约，请到“我的预约”里操作。", "There is no appointment in this conversation yet; other appointments can be cancelled under My appointments."),
                         stage: state.stage, language: language)
        }
        if let closed = closedToChanges(&state) { return closed }
        state.pending = .cancel
        state.stage = .confirming
        return Reply(text: language.pick("确定要取消\(Self.day(visit.date, language)) \(visit.time)的\(visit.departmentName)预约吗？", "Cancel the \(visit.departmentName) appointment on \(Self.day(visit.date, language)) at \(visit.time)?"),
                     stage: .confirming, language: language, quickReplies: language.pick(["确认取消", "不取消了"], ["Yes, cancel", "No, keep it"]))
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
        let when = state.visit?.changesCloseAt.map { Self.describe($0, language) }
        let closed = when.map { language.pick("在线取消和改约已在\($0)截止。", "Online cancelling and moving closed on \($0).") }
            ?? language.pick("已经过了在线取消和改约的截止时间。", "The time for cancelling or moving it online has passed.")
        return Reply(text: closed + language.pick("如果去不了，请联系医院。", " Please call the hospital if you cannot come."),
                     stage: .booked, language: language)
    }

    // MARK: - The visit day

    private func arrive(_ state: inout ConversationState, accountId: String) async throws -> Reply {
        let language = state.language
        guard let visit = try await desk.visitToday(accountId: accountId, patientId: state.patientId, language: language) else {
            return Reply(text: language.pick("今天没有查到您的预约。需要的话我可以帮您看看该挂哪个科。", "I find no appointment for today. I can help you find the right clinic if you like."),
                         stage: state.stage, language: language)
        }
        state.visit = visit
        do {
            let queue = try await desk.checkIn(appointmentId: visit.appointmentId, accountId: accountId)
            state.stage = .visit
            let place = visit.place.map { Phrases.place($0, language) } ?? ""
            return Reply(text: language.pick("签到成功，您的排队号是 \(queue.queueNumber) 号，前面还有 \(queue.ahead) 位，预计等待约 \(queue.estimatedWaitMinutes) 分钟。\(place)请在诊室外候诊，叫到号时我会提醒您。",
                                             "You are checked in: number \(queue.queueNumber), \(queue.ahead) ahead of you, about \(queue.estimatedWaitMinutes) minutes. \(place) Please wait outside the room; I will tell you when you are called."),
                         stage: .visit, language: language, quickReplies: language.pick(["还要等多久", "厕所在哪里"], ["How long now?", "Where is the pharmacy?"]),
                         cards: visit.place.map { [Card(type: "directions", title: visit.departmentName, text: Phrases.place($0, language), place: $0)] } ?? [],
                         actions: [Action(type: "checked_in", appointmentId: visit.appointmentId)])
        } catch let refusal as BookingRefusal {
            return Reply(text: refusal == .checkInNotOpen
                ? language.pick("现在还不能签到：签到在门诊开始前 1 小时开放。", "Check-in is not open yet: it opens 1 hour before the session.")
                : language.pick("这个预约现在不能签到，请到分诊台询问。", "This appointment cannot be checked in now; please ask at the triage desk."),
                         stage: state.stage, language: language)
        }
    }

    private func queue(_ state: inout ConversationState, accountId: String) async throws -> Reply {
        let language = state.language
        if state.visit == nil { state.visit = try await desk.visitToday(accountId: accountId, patientId: state.patientId, language: language) }
        guard let visit = state.visit else {
            return Reply(text: language.pick("今天没有查到您的预约。", "I find no appointment for today."), stage: state.stage, language: language)
        }
        do {
            let queue = try await desk.queue(appointmentId: visit.appointmentId, accountId: accountId)
            let calling = queue.nowCalling.map { language.pick("现在叫到 \($0) 号，", "Now calling number \($0). ") } ?? ""
            let text = queue.ahead == 0
                ? language.pick("\(calling)马上就轮到您了（\(queue.queueNumber) 号），请在诊室门口等候。", "\(calling)You are next (number \(queue.queueNumber)); please wait at the door.")
                : language.pick("\(calling)您是 \(queue.queueNumber) 号，前面还有 \(queue.ahead) 位，预计还要等约 \(queue.estimatedWaitMinutes) 分钟。",
                                "\(calling)You are number \(queue.queueNumber), \(queue.ahead) ahead, about \(queue.estimatedWaitMinutes) minutes.")
            return Reply(text: text, stage: .visit, language: language)
        } catch is BookingRefusal {
            return Reply(text: language.pick("您还没有签到。到医院后跟我说“我到医院了”就能签到。", "You are not checked in yet. Tell me \"I'm here\" when you arrive."),
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
            return Reply(text: language.pick("今天的就诊流程都完成了。按医嘱用药，报告出来后可以在手机上查看；如果症状加重，请及时复诊。祝您早日康复！",
                                             "That is everything for today. Take the medicines as prescribed and check your results on your phone; come back if things get worse. Get well soon!"),
                         stage: .followup, language: language)
        }
        let place = try await guide.place(kind: kind, hospitalId: state.hospitalId, language: language)
        let what: String = switch kind {
        case "payment": language.pick("下一步请先去缴费（也可以在手机上缴费）。", "Next, please pay (you can also pay on your phone).")
        case "laboratory": language.pick("接下来去抽血化验。", "Next, the blood test.")
        case "radiology": language.pick("接下来去做影像检查。", "Next, the imaging scan.")
        case "ultrasound": language.pick("接下来去做 B 超。", "Next, the ultrasound.")
        default: language.pick("最后去药房取药。", "Last, pick up your medicines at the pharmacy.")
        }
        let text = what + (place.map { Phrases.place($0, language) } ?? "") + language.pick("办好了跟我说“好了”。", " Tell me \"done\" when you have finished.")
        return Reply(text: text, stage: .visit, language: language, quickReplies: language.pick(["好了", "报告什么时候出"], ["Done", "When are the results ready?"]),
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

    static func day(_ date: String, _ language: Language) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        return language.pick("\(parts[1])月\(parts[2])日", "\(EnglishMonths.short[parts[1] - 1]) \(parts[2])")
    }

    static func fee(_ yuan: Double, _ language: Language) -> String {
        let amount = yuan == yuan.rounded() ? String(Int(yuan)) : String(format: "%.2f", yuan)
        return language.pick("\(amount)元", "\(amount) yuan")
    }

    static func describe(_ instant: Date, _ language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let c = calendar.dateComponents([.month, .day, .hour, .minute], from: instant)
        return language.pick(String(format: "%d月%d日 %02d:%02d", c.month!, c.day!, c.hour!, c.minute!),
                             String(format: "%@ %d at %02d:%02d", EnglishMonths.short[c.month! - 1], c.day!, c.hour!, c.minute!))
    }
}

enum EnglishMonths {
    static let short = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
