/// Reads a patient's or doctor's words into concepts with their status, in one pass over the text: the phrases of
/// the knowledge are found together (`PhraseMatcher`), then cues apply to the concepts in their scope, and a body
/// site and a quality close together in one clause compose the concept the knowledge names for the pair (小便 + 痛,
/// 眼睛 + 红, face + drooping). Cues that only say something of the whole message (who is ill, a sudden onset) are found
/// on a layer of their own, so that "my baby" does not hide "baby has stopped moving"; words for severe pain are read
/// there too. Linear in the length of the text.
public struct ClinicalReader: Sendable {
    enum Token: Sendable {
        /// A concept's phrase; `ledByNegation` when it starts with a negation word it means as a finding (没劲, 不舒服).
        case concept(String, Role, ledByNegation: Bool)
        case cue(Cue.Kind, Cue.Scope, quality: String?)
        /// A word after which a measure's number is looked for (its id).
        case anchor(String)
    }

    /// How a concept takes part in composition: a `site` is read into the pair's concept, a `partner` (a finding
    /// that pairs, such as cough + blood) stays a finding too, a `quality` waits for either.
    enum Role: Sendable {
        case plain, site, partner, quality
    }

    public let knowledge: ClinicalKnowledge
    let matcher: PhraseMatcher<Token>
    /// The cues that mark the whole message and take no part in composition (`isMessageFlag`).
    let flags: PhraseMatcher<Token>
    let measures: MeasureReading
    /// How far apart, in units (a Chinese character or a Latin word), a site and a quality may be written.
    static let compositionWindow = 8
    /// How far, in units, after 不, 没 or not (`near` negation) a concept may start and still be negated.
    static let nearReach = 2

    /// Builds the matcher of every phrase of `knowledge` (a few milliseconds: build once, share).
    public init(knowledge: ClinicalKnowledge) {
        self.knowledge = knowledge
        var entries: [(phrase: [Character], value: Token)] = []
        let partners = Set(knowledge.compositions.keys.compactMap { $0.split(separator: "|").first.map(String.init) })
        let negations = knowledge.cues.filter { $0.kind == .negation }.flatMap { $0.say.values.joined() }.map(knowledge.normalizer.normalize)
        for concept in knowledge.concepts.values.sorted(by: { $0.id < $1.id }) {
            let role: Role = concept.kind == .quality ? .quality : concept.kind == .site ? .site : partners.contains(concept.id) ? .partner : .plain
            for phrase in concept.say.values.joined().map(knowledge.normalizer.normalize) {
                let led = negations.contains { phrase.count > $0.count && phrase.starts(with: $0) }
                entries.append((phrase, .concept(concept.id, role, ledByNegation: led)))
            }
        }
        var flagEntries: [(phrase: [Character], value: Token)] = []
        for cue in knowledge.cues {
            let scope = cue.scope ?? Self.defaultScope(cue.kind)
            for phrase in cue.say.values.joined() {
                let entry = (knowledge.normalizer.normalize(phrase), Token.cue(cue.kind, scope, quality: cue.quality))
                if Self.isMessageFlag(cue, scope: scope) { flagEntries.append(entry) } else { entries.append(entry) }
                // Pain's severity is also read inside a finding's own phrase (胸口剧痛, 头痛欲裂), where the phrase hides
                // the cue; severity words without a quality are not (喝水特别多 says how much, not how bad).
                if cue.kind == .severe, cue.quality != nil { flagEntries.append((entry.0, .cue(.severe, .message, quality: nil))) }
            }
        }
        for measure in knowledge.measures {
            for phrase in (measure.anchors ?? [:]).values.joined() { entries.append((knowledge.normalizer.normalize(phrase), .anchor(measure.id))) }
        }
        matcher = PhraseMatcher(entries)
        flags = PhraseMatcher(flagEntries)
        measures = MeasureReading(knowledge: knowledge)
    }

    /// Who is ill (child, elderly, infant, adult) and onset (sudden, on waking) reach the whole message wherever they
    /// are written and bring no quality: where they stand only matters for a negation before them.
    static func isMessageFlag(_ cue: Cue, scope: Cue.Scope) -> Bool {
        let flagKinds: Set<Cue.Kind> = [.child, .elderly, .infant, .adult, .sudden, .waking]
        return scope == .message && cue.quality == nil && flagKinds.contains(cue.kind)
    }

    static func defaultScope(_ kind: Cue.Kind) -> Cue.Scope {
        switch kind {
        case .negation, .contrast, .past, .pastAfter, .standing, .hypothetical: .clause
        case .mild: .sentence
        case .severe, .sudden, .waking, .child, .elderly, .infant, .adult, .word, .clauseEnd, .sentenceEnd: .message
        }
    }

    /// The text normalised the way the knowledge matches it.
    public func normalized(_ text: String) -> [Character] { knowledge.normalizer.normalize(text) }

    /// What `text` says: its concepts with their status, who is ill, onset and severity.
    public func read(_ text: String) -> Reading {
        read(normalized: normalized(text))
    }

    /// The same for a text already normalised with `normalized(_:)`.
    public func read(normalized text: [Character]) -> Reading {
        var work = 0
        return read(normalized: text, work: &work)
    }

    /// The same, counting the steps taken (matching and composing) in `work`.
    func read(normalized text: [Character], work: inout Int) -> Reading {
        var state = ReadingState(text: text, knowledge: knowledge)
        defer { work += state.work }
        let found = matcher.matches(in: text, work: &work, yields: Self.negationYields)
        let flagged = flags.matches(in: text, work: &work)
        for match in Self.inTextOrder(found, flagged) {
            switch match.value {
            case .concept(let id, let role, _): state.mention(id, role: role, range: match.range)
            case .cue(let kind, let scope, let quality):
                state.cue(kind, scope: scope, range: match.range)
                if let quality { state.mention(quality, role: .quality, range: match.range) }
            case .anchor(let measure): state.anchor(measure, range: match.range)
            }
        }
        state.endSentence()
        state.reading.addPatterns(knowledge.patterns)
        measures.add(to: &state.reading, text: text, units: state.units, work: &work)
        return state.reading
    }
}

extension ClinicalReader {
    /// A negation written into a longer cue (也没, 都没有) gives way to a finding that starts with that negation and
    /// goes on past the cue: 右手也没劲了 is weakness, not a negated 劲; 没有血丝 keeps its negation (血丝 is not led by one).
    static func negationYields(_ earlier: Token, to later: Token) -> Bool {
        guard case .cue(.negation, _, _) = earlier, case .concept(_, _, true) = later else { return false }
        return true
    }

    /// Two lists of matches, each in text order, merged into one (a flag at the same place as a phrase comes first).
    static func inTextOrder(_ phrases: [PhraseMatcher<Token>.Match], _ flags: [PhraseMatcher<Token>.Match]) -> [PhraseMatcher<Token>.Match] {
        var merged: [PhraseMatcher<Token>.Match] = []
        merged.reserveCapacity(phrases.count + flags.count)
        var p = 0, f = 0
        while p < phrases.count || f < flags.count {
            if f < flags.count, p == phrases.count || flags[f].range.lowerBound <= phrases[p].range.lowerBound {
                merged.append(flags[f])
                f += 1
            } else {
                merged.append(phrases[p])
                p += 1
            }
        }
        return merged
    }

    /// A reader of the shipped knowledge, built once.
    public static let shipped = ClinicalReader(knowledge: .shipped)
}
