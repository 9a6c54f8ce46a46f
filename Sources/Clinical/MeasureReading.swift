/// Adds what measurements written with their numbers say. After a mention of a measure's concept, the first number
/// within the measure's reach that is plausible for it and not followed by one of its `notBefore` words (一分钟) gives
/// the concept of the first range it falls in, with the mention's status (没有发烧到39度 is negated). Each mention
/// looks a bounded distance ahead, so a pass stays linear in the text.
struct MeasureReading: Sendable {
    private let byConcept: [String: [Measure]]
    private let byId: [String: Measure]
    private let notBefore: [String: [[Character]]]
    private let unitsAfter: [String: [[Character]]]

    init(knowledge: ClinicalKnowledge) {
        var byConcept: [String: [Measure]] = [:]
        var notBefore: [String: [[Character]]] = [:]
        var unitsAfter: [String: [[Character]]] = [:]
        for measure in knowledge.measures {
            for concept in measure.after { byConcept[concept, default: []].append(measure) }
            notBefore[measure.id] = measure.notBefore.values.joined().map { knowledge.normalizer.normalize($0) }
            unitsAfter[measure.id] = measure.unitsAfter.map { $0.values.joined().map { knowledge.normalizer.normalize($0) } }
        }
        self.byConcept = byConcept
        byId = Dictionary(knowledge.measures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.notBefore = notBefore
        self.unitsAfter = unitsAfter
    }

    func add(to reading: inout Reading, text: [Character], units: [Int], work: inout Int) {
        // 心跳 and 心慌 both lead to heart_rate: a number read for one mention is not read again for the next.
        var read: Set<ReadNumber> = []
        var found: [Mention] = []
        func look(after mention: Mention, for measure: Measure) {
            guard let (value, end) = firstValue(of: measure, in: text, after: mention.range.upperBound, units: units, work: &work),
                read.insert(ReadNumber(measure: measure.id, end: end)).inserted,
                let range = measure.ranges.first(where: { $0.contains(value) })
            else { return }
            found.append(Mention(concept: range.concept, range: mention.range.lowerBound..<end, status: mention.status))
        }
        for mention in reading.mentions {
            for measure in byConcept[mention.concept] ?? [] { look(after: mention, for: measure) }
        }
        for anchor in reading.anchors {
            if let measure = byId[anchor.concept] { look(after: anchor, for: measure) }
        }
        reading.mentions += found
    }

    private func firstValue(
        of measure: Measure, in text: [Character], after start: Int, units: [Int],
        work: inout Int
    ) -> (Double, Int)? {
        let words = notBefore[measure.id] ?? []
        var index = start
        // Characters are bounded too, so punctuation and spaces (no units) cannot make the look-ahead long.
        while index < text.count, units[index] - units[start] <= measure.within, index - start <= measure.within * 12 {
            work += 1
            guard let (value, end) = NumberReading.number(in: text, at: index) else {
                index += 1
                continue
            }
            let next = end < text.count && text[end] == " " ? end + 1 : end
            let isSomethingElse = words.contains { word in
                next + word.count <= text.count && text[next..<next + word.count].elementsEqual(word)
            }
            if !isSomethingElse, measure.plausible.count == 2, value >= measure.plausible[0], value <= measure.plausible[1],
                hasUnit(of: measure, in: text, after: end, units: units)
            {
                return (value, end)
            }
            index = max(end, index + 1)
        }
        return nil
    }
}

extension MeasureReading {
    /// Whether one of the measure's `unitsAfter` words (片, tablet) starts within two units after `end`; true when it
    /// names none.
    private func hasUnit(of measure: Measure, in text: [Character], after end: Int, units: [Int]) -> Bool {
        guard let words = unitsAfter[measure.id] else { return true }
        var index = end
        while index < text.count, units[index] - units[end] <= 2, index - end <= 24 {
            if words.contains(where: { index + $0.count <= text.count && text[index..<index + $0.count].elementsEqual($0) }) { return true }
            index += 1
        }
        return false
    }
}

/// A number already read for a measure, by where it ends.
private struct ReadNumber: Hashable {
    let measure: String
    let end: Int
}
