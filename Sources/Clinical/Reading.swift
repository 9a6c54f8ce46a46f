/// A concept found in a text, and what the words around it say of it.
public struct Mention: Sendable, Equatable {
    /// Whether the concept is there now, absent, had before or only supposed.
    public enum Status: String, Sendable {
        /// Said to be there now.
        case present
        /// Said to be absent (没有胸痛, denies fever).
        case negated
        /// Had before, not now (去年中风过, a history of asthma).
        case past
        /// Supposed, feared or asked about, not had (如果误吃了药, worried about a stroke).
        case supposed
    }
    public let concept: String
    public let range: Range<Int>
    public var status: Status
    /// Said to be slight or already over (有一点, 已经止住了, a tiny cut).
    public var mild = false
    /// A site or quality that was read together with another into a concept.
    public var composed = false
    /// A disease the patient has had for years (糖尿病十来年了): still there, so red flags read it, but the
    /// background of today's complaint rather than the complaint.
    public var standing = false
}

/// What a text says in the knowledge's terms: the concepts with their status, and who is ill and how it began.
public struct Reading: Sendable {
    public var mentions: [Mention] = []
    public var sudden = false
    /// Noticed on waking (早上起来, woke up with): the onset of a wake-up stroke, as sudden as any.
    public var onWaking = false
    public var severe = false
    public var child = false
    /// An adult is named as the one who is ill (大人, 成年人, an adult).
    public var adult = false
    public var elderly = false
    public var infant = false
    /// Where a measure's anchor word was read, named by the measure's id, for `MeasureReading`.
    var anchors: [Mention] = []

    /// The concepts said to be there now, in the order first said, each once; a site or quality read into another
    /// concept is not counted again.
    public var present: [String] { unique(mentions.filter { $0.status == .present && !$0.composed }) }
    /// The concepts said to be absent, unless also said to be there.
    public var negated: [String] {
        let here = Set(present)
        return unique(mentions.filter { $0.status == .negated && !here.contains($0.concept) })
    }
    /// The concepts had before, supposed or feared, not had now.
    public var past: [String] { unique(mentions.filter { $0.status == .past }) }
    /// Concepts present only in a slight or passing form (every present mention of them is mild).
    public var mild: [String] { presentOnly { $0.mild } }

    /// Concepts present only as long-standing diseases (every present mention of them is standing).
    public var standing: [String] { presentOnly { $0.standing } }

    /// Concepts every present mention of which has `flag`.
    private func presentOnly(_ flag: (Mention) -> Bool) -> [String] {
        var without = Set<String>()
        for mention in mentions where mention.status == .present && !flag(mention) { without.insert(mention.concept) }
        return unique(mentions.filter { $0.status == .present && flag($0) && !without.contains($0.concept) })
    }

    /// Each pattern whose parts are all present now, read where its last part was said.
    mutating func addPatterns(_ patterns: [(id: String, parts: [String])]) {
        guard !patterns.isEmpty else { return }
        let here = Set(present)
        for pattern in patterns where !here.contains(pattern.id) && pattern.parts.allSatisfy(here.contains) {
            guard let last = mentions.last(where: { $0.status == .present && pattern.parts.contains($0.concept) }) else { continue }
            mentions.append(Mention(concept: pattern.id, range: last.range, status: .present))
        }
    }

    private func unique(_ list: [Mention]) -> [String] {
        var seen = Set<String>()
        return list.map(\.concept).filter { seen.insert($0).inserted }
    }
}
