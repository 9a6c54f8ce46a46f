/// Finds lexicon terms in folded text: by first character, longest first, Latin terms only on word boundaries.
public struct TermIndex<Value: Sendable>: Sendable {
    private var byFirst: [Character: [(term: [Character], value: Value)]] = [:]

    public init(_ entries: [(String, Value)]) {
        for (term, value) in entries.sorted(by: { $0.0.count > $1.0.count }) {
            let characters = Array(Folded.text(term))
            guard let first = characters.first else { continue }
            byFirst[first, default: []].append((characters, value))
        }
    }

    /// Every non-overlapping match, leftmost first, longest at each place.
    public func matches(in text: [Character]) -> [(range: Range<Int>, value: Value)] {
        var found: [(Range<Int>, Value)] = []
        var index = 0
        while index < text.count {
            var matched = false
            if let candidates = byFirst[text[index]], Self.startsWord(text, at: index) {
                for candidate in candidates where Self.matches(candidate.term, in: text, at: index) {
                    found.append((index..<(index + candidate.term.count), candidate.value))
                    index += candidate.term.count
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return found
    }

    private static func matches(_ term: [Character], in text: [Character], at start: Int) -> Bool {
        guard start + term.count <= text.count else { return false }
        for offset in 0..<term.count where text[start + offset] != term[offset] { return false }
        // A Latin term must end a word too: "cold" is not "colder".
        if let last = term.last, isLatin(last), start + term.count < text.count, isLatin(text[start + term.count]) { return false }
        return true
    }

    private static func startsWord(_ text: [Character], at index: Int) -> Bool {
        !(isLatin(text[index]) && index > 0 && isLatin(text[index - 1]))
    }

    public static func isLatin(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
}

/// Where a clause ends: negation does not reach past it.
public enum Clause {
    public static let boundaries: Set<Character> = ["，", "。", ",", ".", ";", "；", "!", "！", "?", "？", "\n", "：", ":"]
    public static let turnWords = ["但是", "但", "可是", "不过", "却", "就是", "but", "however", "although", "though"]
}
