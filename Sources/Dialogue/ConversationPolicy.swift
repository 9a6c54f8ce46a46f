import Clinical
import Foundation
import Wording

/// One turn of the conversation: understand the message, update the state, decide, reply. Red flags win over
/// everything, in any stage. Deterministic and free of storage, so it is tested turn by turn.
public struct ConversationPolicy: Sendable {
    public static let maximumFollowUps = 3

    let understanding: any Understanding
    let guide: any HospitalGuide
    let desk: any BookingDesk
    /// Writes answers to hospital questions in a model's words from the retrieved entry; nil: the entry's own words.
    let answers: (any AnswerWriting)?

    public init(
        understanding: any Understanding = BuiltInUnderstanding(), guide: any HospitalGuide, desk: any BookingDesk,
        answers: (any AnswerWriting)? = nil
    ) {
        self.understanding = understanding
        self.guide = guide
        self.desk = desk
        self.answers = answers
    }

    /// The first reply of a conversation, in the hospital's wording.
    public func greeting(_ state: ConversationState) async throws -> Reply {
        try await Phrases.$catalog.withValue(guide.wording(hospitalId: state.hospitalId)) { greetingReply(state) }
    }

    private func greetingReply(_ state: ConversationState) -> Reply {
        Reply(
            text: Phrases.greeting(state.language), stage: state.stage, language: state.language,
            quickReplies: Phrases.quick(["child_fever", "parking", "handoff"], state.language))
    }

    /// The time zone of the conversation's hospital, in which its `today` is counted.
    public func timeZone(of state: ConversationState) async throws -> TimeZone { try await guide.timeZone(hospitalId: state.hospitalId) }

    /// The reply to a message from the account, updating `state`; `today` is the date in the hospital's time zone.
    public func respond(to text: String, state: inout ConversationState, accountId: String, today: Today) async throws -> Reply {
        let catalog = try await guide.wording(hospitalId: state.hospitalId)
        let zone = try await guide.timeZone(hospitalId: state.hospitalId)
        return try await Phrases.$catalog.withValue(catalog) {
            try await Phrases.$timeZone.withValue(zone) { try await reply(to: text, state: &state, accountId: accountId, today: today) }
        }
    }

    private func reply(to text: String, state: inout ConversationState, accountId: String, today: Today) async throws -> Reply {
        let hospital = understanding.readsHospital ? try await guide.context(hospitalId: state.hospitalId) : nil
        let utterance = await understanding.understand(text, today: today, at: hospital)
        var reply = try await decide(utterance, text: text, state: &state, accountId: accountId, today: today)
        reply.understoodBy = utterance.understoodBy
        return reply
    }

    private func decide(_ utterance: Utterance, text: String, state: inout ConversationState, accountId: String, today: Today) async throws
        -> Reply
    {
        let knowledge = try await guide.knowledge(hospitalId: state.hospitalId)
        if text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { state.language = utterance.language }
        state.facts.merge(utterance.facts, text: text)
        let language = state.language

        // Assessed once per turn, on everything known so far: red flags first, and the recommendation below.
        let assessment = Triage.assess(state.facts, departments: try await guide.departmentsBySpecialty(hospitalId: state.hospitalId))
        if let triage = assessment, triage.level == .emergency {
            state.misunderstood = 0
            return try await emergency(triage, state: &state)
        }
        if state.stage == .emergency, let triage = state.triage {
            if utterance.intent == .directions, let reply = try await directions(utterance, in: state, stage: .emergency) { return reply }
            return try await emergency(triage, state: &state)
        }
        switch utterance.intent {
        case .handoff:
            return handoff(&state)
        case .directions:
            if let reply = try await directions(utterance, in: state, stage: state.stage) {
                state.misunderstood = 0
                return reply
            }
        case .greeting where utterance.facts.symptoms.isEmpty:
            state.misunderstood = 0
            return greetingReply(state)
        case .thanks:
            state.misunderstood = 0
            return Reply(
                text: Phrases.say("thanks_reply", language),
                stage: state.stage, language: language)
        case .reportTime:
            if let answer = knowledge.answer(Phrases.say("quick_results_when", language), language: language) {
                return await faq(answer, question: text, state: &state)
            }
        default:
            break
        }
        if utterance.intent == .otherDepartment, let reply = try await nextDepartment(&state) {
            state.misunderstood = 0
            return reply
        }
        // Asked to book while a question waits: recommend from what is known, unless a red flag's question is open.
        if utterance.intent == .book, state.triage == nil, let assessment, RedFlags.decidingQuestion(state.facts, asked: state.asked) == nil {
            state.triage = assessment
        }
        if let reply = try await bookingTurn(utterance, text: text, state: &state, accountId: accountId) {
            state.misunderstood = 0
            return reply
        }
        // A body part alone (做B超要憋尿吗) is a complaint only when the message is not a question; a test is not one.
        let complaintKinds: Set<Concept.Kind> = [.finding, .disease, .condition, .request]
        let findings = utterance.facts.symptoms.filter { ClinicalKnowledge.shipped.concepts[$0].map { complaintKinds.contains($0.kind) } ?? false }
        let talksAboutComplaint =
            !findings.isEmpty || !utterance.facts.negated.isEmpty
            || (!utterance.facts.symptoms.isEmpty && utterance.intent != .question)
        // A question the hospital's knowledge answers is answered, even while triage waits for an answer.
        if !talksAboutComplaint, utterance.intent == .question, let answer = knowledge.answer(text, language: language) {
            return await faq(answer, question: text, state: &state)
        }
        if talksAboutComplaint || (state.stage == .triage && state.triage == nil) {
            state.misunderstood = 0
            return try await triageTurn(&state, assessment: assessment)
        }
        if let answer = knowledge.answer(text, language: language) { return await faq(answer, question: text, state: &state) }
        state.misunderstood += 1
        if state.misunderstood >= 2 { return handoff(&state) }
        return Reply(
            text: utterance.intent == .question ? Phrases.notKnown(language) : Phrases.notUnderstood(language),
            stage: state.stage, language: language,
            quickReplies: Phrases.quick(["unwell", "parking", "handoff"], language))
    }

    // MARK: - Triage

    func triageTurn(_ state: inout ConversationState, assessment: TriageResult?) async throws -> Reply {
        state.stage = .triage
        let language = state.language
        if let question = nextQuestion(state) {
            state.asked.append(question)
            return Reply(text: Phrases.followUp(question, language), stage: .triage, language: language)
        }
        guard let triage = assessment else {
            return Reply(text: Phrases.followUp("complaint", language), stage: .triage, language: language)
        }
        state.triage = triage
        let department = try await guide.department(id: triage.departmentId, language: language)
        let name = department?.name ?? triage.departmentId
        let facts = state.facts
        let symptoms = facts.symptoms.compactMap { ClinicalKnowledge.shipped.concepts[$0] }.filter { $0.kind != .site }.prefix(3)
            .map { language == .zh ? $0.zh : $0.en }
        let duration = facts.durationDays.map { Phrases.duration(days: $0, language) } ?? ""
        let basis =
            symptoms.joined(separator: Phrases.say("list_separator", language))
            + (duration.isEmpty ? "" : Phrases.say("clause_separator", language) + duration)
        let recommendation = triage.level == .selfCare ? "recommend_self_care" : "recommend_department"
        let text =
            Phrases.say("recommend_basis", language, ["facts": basis])
            + Phrases.say(recommendation, language, ["department": name, "advice": Phrases.levelAdvice(triage, language)])
        var cards: [Card] = []
        if let place = department?.place {
            cards.append(Card(type: "directions", title: name, text: Phrases.place(place, language), place: place))
        }
        return Reply(
            text: text, stage: .triage, language: language,
            quickReplies: Phrases.quick(["book_it", "what_to_bring", "handoff"], language),
            cards: cards, triage: summary(triage, name: name, language: language))
    }

    /// "别的科": the next of the departments the evidence kept, recommended the same way; nil when none is left.
    func nextDepartment(_ state: inout ConversationState) async throws -> Reply? {
        guard var triage = state.triage, triage.level != .emergency, var alternatives = triage.alternatives, !alternatives.isEmpty else { return nil }
        let next = alternatives.removeFirst()
        alternatives.append(triage.departmentId)
        triage.departmentId = next
        triage.alternatives = alternatives
        state.triage = triage
        state.offers = []
        state.chosen = nil
        state.pending = nil
        return try await triageTurn(&state, assessment: triage)
    }

    /// The most useful question still open, at most three per complaint; nil when it is time to recommend.
    func nextQuestion(_ state: ConversationState) -> String? {
        guard state.asked.count < Self.maximumFollowUps else { return nil }
        let f = state.facts
        // A rule half-met is decided first: a miss can cost a life, a question costs a turn.
        if let deciding = RedFlags.decidingQuestion(f, asked: state.asked) { return deciding }
        var candidates: [String] = []
        if f.symptoms.isEmpty { candidates.append("complaint") }
        if !f.symptoms.isEmpty, Triage.bestScore(f) < Triage.thinEvidence { candidates.append("which_part") }
        if f.hasFever, f.temperature == nil, !f.hasHighFever { candidates.append("temperature") }
        if !f.symptoms.isEmpty, f.durationDays == nil { candidates.append("duration") }
        if f.hasFever, f.ageYears == nil, !f.isChild, !f.isElderly { candidates.append("who") }
        return candidates.first { !state.asked.contains($0) }
    }

    // MARK: - Other replies

    private func emergency(_ triage: TriageResult, state: inout ConversationState) async throws -> Reply {
        let language = state.language
        let first = state.stage != .emergency
        state.stage = .emergency
        // Booking stops: nothing is confirmed by a "yes" said to the emergency advice.
        state.pending = nil
        state.offers = []
        state.chosen = nil
        state.triage = triage
        let place = try await guide.place(kind: "emergency", hospitalId: state.hospitalId, language: language)
        let name = try await guide.department(id: triage.departmentId, language: language)?.name ?? Phrases.say("emergency_department", language)
        var cards = [
            Card(
                type: "emergency", title: Phrases.say("emergency_card_title", language),
                text: Phrases.say("emergency_card_text", language), phone: "120", place: place)
        ]
        if let place { cards.append(Card(type: "directions", title: name, text: Phrases.place(place, language), place: place)) }
        return Reply(
            text: Phrases.emergency(triage.redFlags, place: place, language), stage: .emergency, language: language,
            quickReplies: Phrases.quick(["call_120", "emergency_where"], language),
            cards: cards, actions: first ? [Action(type: "emergency_advised")] : [],
            triage: summary(triage, name: name, language: language))
    }

    private func handoff(_ state: inout ConversationState) -> Reply {
        state.stage = .handoff
        state.misunderstood = 0
        return Reply(text: Phrases.handoff(state.language), stage: .handoff, language: state.language, actions: [Action(type: "handoff_requested")])
    }

    private func directions(_ utterance: Utterance, in state: ConversationState, stage: ConversationState.Stage) async throws -> Reply? {
        let language = state.language
        guard let kind = utterance.placeKind,
            let place = try await guide.place(kind: kind, hospitalId: state.hospitalId, language: language)
        else { return nil }
        return Reply(
            text: Phrases.place(place, language), stage: stage, language: language,
            cards: [Card(type: "directions", title: place.name, text: Phrases.place(place, language), place: place)])
    }

    /// The answer from the hospital's entry, in a model's words when a writer is set and its answer passes the rails;
    /// the card always carries the entry itself and its id.
    private func faq(_ answer: KnowledgeBase.Answer, question: String, state: inout ConversationState) async -> Reply {
        state.misunderstood = 0
        let language = state.language
        var written: String?
        if let answers {
            let hospital = try? await guide.context(hospitalId: state.hospitalId)
            written = await answers.answer(question, from: answer, language: language, at: hospital)
        }
        return Reply(
            text: written ?? answer.text, stage: state.stage, language: language,
            cards: [Card(type: "faq", title: Phrases.say("faq_card_title", language), text: answer.text, faqId: answer.id)])
    }

    func summary(_ triage: TriageResult, name: String, language: Language) -> TriageSummary {
        TriageSummary(
            level: triage.level, departmentId: triage.departmentId, departmentName: name,
            redFlags: triage.redFlags.map { language == .zh ? $0.zh : $0.en }, reason: triage.reason)
    }
}
