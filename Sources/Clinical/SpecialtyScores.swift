/// Evidence for each specialty from the concepts said: the knowledge's weights summed over what is present, half
/// for what was had before and for diseases of long standing; a request for an operation — or, when nothing is
/// wrong now, one had before (a check-up after it) — moves each specialty's evidence to the one that operates.
public struct SpecialtyScores: Sendable {
    /// Specialties with their evidence, best first; a tie goes to the one named by the earliest concept, then to the
    /// first by id, so that the same words always get the same answer.
    public let ranked: [(specialty: String, score: Double)]

    /// Scores the concepts `present` now (those also in `standing`, had for years, as background) and `past` (had
    /// before or feared) with the knowledge's weights.
    public init(present: [String], past: [String] = [], standing: [String] = [], knowledge: ClinicalKnowledge) {
        var totals: [String: Double] = [:]
        var firstSeen: [String: Int] = [:]
        let background = Set(standing)
        let weighted = present.map { ($0, background.contains($0) ? 0.5 : 1.0) } + past.map { ($0, 0.5) }
        for (order, (id, factor)) in weighted.enumerated() {
            for (specialty, weight) in knowledge.concepts[id]?.specialties ?? [:] {
                totals[specialty, default: 0] += weight * factor
                if firstSeen[specialty] == nil { firstSeen[specialty] = order }
            }
        }
        func operates(_ ids: [String]) -> Bool { ids.contains { knowledge.concepts[$0]?.redirects == "surgical" } }
        let nothingNow = present.allSatisfy { knowledge.concepts[$0]?.specialties == nil }
        if operates(present) || (nothingNow && operates(past)) {
            for (specialty, score) in totals.sorted(by: { $0.key < $1.key }) {
                guard let surgical = knowledge.specialties[specialty]?.surgical else { continue }
                totals[specialty] = nil
                totals[surgical, default: 0] += score
                firstSeen[surgical] = min(firstSeen[surgical] ?? .max, firstSeen[specialty] ?? .max)
            }
        }
        ranked = totals.map { (specialty: $0.key, score: $0.value) }
            .sorted { a, b in
                let (firstA, firstB) = (firstSeen[a.specialty] ?? 0, firstSeen[b.specialty] ?? 0)
                if a.score != b.score { return a.score > b.score }
                return firstA != firstB ? firstA < firstB : a.specialty < b.specialty
            }
    }
}
