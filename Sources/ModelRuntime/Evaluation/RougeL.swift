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
}
