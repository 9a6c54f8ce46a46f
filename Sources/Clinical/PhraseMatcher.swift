/// Finds the phrases of a fixed list in a text in one pass (Aho–Corasick) and keeps, from left to right, the longest
/// phrase at each place that does not overlap the one before. Linear in the text's length for a given list: every
/// character is read once and every phrase ending there is reported once. Latin phrases only match whole words.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    private var next: [[Character: Int]] = [[:]]
    private var failure: [Int] = [0]
    /// The phrase ending exactly at a state, and the nearest state down the failure chain that ends one.
    private var ending: [Int?] = [nil]
    private var outputLink: [Int?] = [nil]
    private var phrases: [(characters: [Character], value: Value)] = []

    /// `entries` must already be normalised (see `TextNormalizer`); a phrase given twice keeps its first value.
    public init(_ entries: [(phrase: [Character], value: Value)]) {
        for (phrase, value) in entries where !phrase.isEmpty {
            var state = 0
            for character in phrase {
                if let found = next[state][character] {
                    state = found
                } else {
                    next.append([:]); failure.append(0); ending.append(nil); outputLink.append(nil)
                    next[state][character] = next.count - 1
                    state = next.count - 1
                }
            }
            if ending[state] == nil {
                ending[state] = phrases.count
                phrases.append((phrase, value))
            }
        }
        linkFailures()
    }

    private mutating func linkFailures() {
        var queue = Array(next[0].values)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (character, child) in next[state] {
                var fallback = failure[state]
                while fallback != 0, next[fallback][character] == nil { fallback = failure[fallback] }
                let target = next[fallback][character] ?? 0
                failure[child] = target == child ? 0 : target
                outputLink[child] = ending[failure[child]] != nil ? failure[child] : outputLink[failure[child]]
                queue.append(child)
            }
        }
    }

    /// A phrase found: where it is in the text and its value.
    public struct Match: Sendable {
        public let range: Range<Int>
        public let value: Value
    }

    /// The leftmost-longest matches that do not overlap, in the order of the text.
    public func matches(in text: [Character]) -> [Match] {
        var work = 0
        return matches(in: text, work: &work)
    }

    /// The same, counting the steps taken in `work` (the tests check that it grows linearly with the text). When
    /// `yields` says so, a match gives way to one that starts inside it and ends after it (each look is bounded by the
    /// match's length, so the pass stays linear).
    func matches(in text: [Character], work: inout Int, yields: ((Value, Value) -> Bool)? = nil) -> [Match] {
        var longestAt = [Int?](repeating: nil, count: text.count)
        var state = 0
        for (index, character) in text.enumerated() {
            while state != 0, next[state][character] == nil {
                state = failure[state]
                work += 1
            }
            state = next[state][character] ?? 0
            var candidate: Int? = ending[state] != nil ? state : outputLink[state]
            while let found = candidate, let phrase = ending[found] {
                let length = phrases[phrase].characters.count
                let start = index + 1 - length
                let longer = longestAt[start].map { phrases[$0].characters.count < length } ?? true
                if longer, isWholeWord(phrases[phrase].characters, in: text, from: start) {
                    longestAt[start] = phrase
                }
                candidate = outputLink[found]
                work += 1
            }
        }
        var found: [Match] = []
        var index = 0
        while index < text.count {
            work += 1
            if let phrase = longestAt[index] {
                let length = phrases[phrase].characters.count
                if let yields,
                    let later = (index + 1..<index + length).first(where: { start in
                        work += 1
                        guard let other = longestAt[start] else { return false }
                        return start + phrases[other].characters.count > index + length && yields(phrases[phrase].value, phrases[other].value)
                    })
                {
                    index = later
                    continue
                }
                found.append(Match(range: index..<(index + length), value: phrases[phrase].value))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    private func isWholeWord(_ phrase: [Character], in text: [Character], from start: Int) -> Bool {
        let end = start + phrase.count
        if let first = phrase.first, Self.isLatin(first), start > 0, Self.isLatin(text[start - 1]) { return false }
        if let last = phrase.last, Self.isLatin(last), end < text.count, Self.isLatin(text[end]) { return false }
        return true
    }

    static func isLatin(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
}
