/// ROUGE-L: the longest common subsequence of two token sequences, as precision, recall and F1.
public enum RougeL {
    public struct Score: Sendable, Equatable {
        public let precision: Double
        public let recall: Double
        public let f1: Double
    }

    /// Characters for Chinese (punctuation and spaces left out), lowercased words for English.
    public static func tokens(_ text: String, language: String) -> [String] {
        if language == "zh" {
            return text.compactMap { character in
                character.isPunctuation || character.isWhitespace || character.isSymbol ? nil : String(character).lowercased()
            }
        }
        return text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    public static func score(candidate: [String], reference: [String]) -> Score {
        guard !candidate.isEmpty, !reference.isEmpty else { return Score(precision: 0, recall: 0, f1: 0) }
        let common = Double(longestCommonSubsequence(candidate, reference))
        let precision = common / Double(candidate.count), recall = common / Double(reference.count)
        let f1 = common == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return Score(precision: precision, recall: recall, f1: f1)
    }

    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Summary-level ROUGE-L (ROUGE-Lsum, as `rouge_score` computes it for notes): each reference sentence is matched
    /// against every candidate sentence and the union of the words matched counts, so the order of sentences matters
    /// less than in one long sequence.
    public static func summaryScore(candidate: [[String]], reference: [[String]]) -> Score {
        let candidateCount = candidate.reduce(0) { $0 + $1.count }, referenceCount = reference.reduce(0) { $0 + $1.count }
        guard candidateCount > 0, referenceCount > 0 else { return Score(precision: 0, recall: 0, f1: 0) }
        var hits = 0
        for sentence in reference where !sentence.isEmpty {
            var matched = Set<Int>()
            for other in candidate where !other.isEmpty { matched.formUnion(matchedPositions(of: sentence, against: other)) }
            hits += matched.count
        }
        let precision = Double(hits) / Double(candidateCount), recall = Double(hits) / Double(referenceCount)
        let f1 = hits == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return Score(precision: precision, recall: recall, f1: f1)
    }

    /// Positions of `a` on one longest common subsequence with `b`.
    static func matchedPositions(of a: [String], against b: [String]) -> [Int] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices {
            for j in b.indices { table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j]) }
        }
        var positions: [Int] = []
        var i = a.count, j = b.count
        while i > 0, j > 0 {
            if a[i - 1] == b[j - 1] {
                positions.append(i - 1)
                i -= 1
                j -= 1
            } else if table[i - 1][j] >= table[i][j - 1] {
                i -= 1
            } else {
                j -= 1
            }
        }
        return positions
    }
}
