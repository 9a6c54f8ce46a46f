/// A transcript turn prepared for extraction: folded characters, where each character starts in UTF-16 units, and
/// its clauses.
struct TurnText: Sendable {
    let index: Int
    let speaker: Speaker
    /// Folded (full-width to ASCII, Latin lowered); one character per character of the original.
    let characters: [Character]
    /// The original characters where folding kept the count (it always does but for rare regroupings), else `characters`.
    private let casedCharacters: [Character]
    private let utf16Starts: [Int]
    /// Clauses between any punctuation, and sentences (between 。？！；), computed once: every reader asks for them.
    private let commaClauses: [Range<Int>]
    private let sentences: [Range<Int>]

    init(index: Int, turn: TranscriptTurn) {
        self.index = index
        speaker = turn.speaker
        characters = Array(Folded.text(turn.text))
        // Folding maps each scalar to one of the same UTF-16 length, so offsets counted on the folded text are the
        // original's, even where folding regroups characters.
        var starts = [0]
        starts.reserveCapacity(characters.count + 1)
        for character in characters { starts.append(starts[starts.count - 1] + character.utf16.count) }
        utf16Starts = starts
        // Folding lowers Latin letters; the original's case tells an initial (H. pylori) from a sentence's end.
        let original = Array(turn.text)
        let cased = original.count == characters.count ? original : characters
        casedCharacters = cased
        commaClauses = Self.split(characters, cased: cased, breakingAtCommas: true)
        sentences = Self.split(characters, cased: cased, breakingAtCommas: false)
    }

    var isPatientSide: Bool { speaker == .patient || speaker == .previsit }

    /// The evidence span of characters `range` of this turn.
    func span(_ range: Range<Int>) -> EvidenceSpan {
        let lower = min(range.lowerBound, utf16Starts.count - 1), upper = min(range.upperBound, utf16Starts.count - 1)
        return EvidenceSpan(turn: index, start: utf16Starts[lower], end: utf16Starts[upper])
    }

    func string(_ range: Range<Int>) -> String { String(characters[range]) }

    /// The character that starts at UTF-16 offset `offset` (an evidence span's bound), if one does.
    func character(atUTF16 offset: Int) -> Character? {
        var low = 0, high = utf16Starts.count - 1
        while low < high {
            let middle = (low + high) / 2
            if utf16Starts[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low < characters.count && utf16Starts[low] == offset ? characters[low] : nil
    }

    /// Characters `range` as folded but with Latin letters in the case they were said (HBV-DNA, B超), for a quote.
    func quoted(_ range: Range<Int>) -> String {
        String(range.map { characters[$0].isASCII && characters[$0].isLetter ? casedCharacters[$0] : characters[$0] })
    }

    /// The lexicon's terms found in characters `range`, with their ranges in the whole turn.
    func matches<Value>(_ index: TermIndex<Value>, in range: Range<Int>) -> [(range: Range<Int>, value: Value)] {
        index.matches(in: Array(characters[range])).map {
            ((range.lowerBound + $0.range.lowerBound)..<(range.lowerBound + $0.range.upperBound), $0.value)
        }
    }

    /// Clauses between punctuation (or sentences), trimmed of spaces; empty ones left out.
    func clauses(breakingAtCommas: Bool = true) -> [Range<Int>] {
        breakingAtCommas ? commaClauses : sentences
    }

    private static func split(_ characters: [Character], cased: [Character], breakingAtCommas: Bool) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        func close(_ end: Int) {
            var lower = start, upper = end
            while lower < upper, characters[lower].isWhitespace { lower += 1 }
            while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
            if lower < upper { result.append(lower..<upper) }
        }
        for (offset, character) in characters.enumerated() {
            let breaks = breakingAtCommas ? Clause.boundaries.contains(character) : sentenceEnds.contains(character)
            // 22.6 is one number, not two clauses.
            let decimalPoint =
                character == "." && offset > 0 && offset + 1 < characters.count
                && characters[offset - 1].isASCII && characters[offset - 1].isNumber && characters[offset + 1].isASCII
                && characters[offset + 1].isNumber
            // "h. pylori", "e. coli": a letter on its own before a point is an initial when a word goes on in lower case.
            let initial =
                character == "." && offset > 0 && characters[offset - 1].isLetter && characters[offset - 1].isASCII
                && (offset == 1 || characters[offset - 2] == " ") && offset + 2 < characters.count && characters[offset + 1] == " "
                && cased[offset - 1].isUppercase && cased[offset + 2].isLowercase
            if breaks, !decimalPoint, !initial {
                close(offset)
                start = offset + 1
            }
        }
        close(characters.count)
        return result
    }

    /// The clause that ends before `offset` in the same sentence, if any (found by halving: clauses are in order).
    func clause(before offset: Int) -> Range<Int>? {
        var low = 0, high = commaClauses.count
        while low < high {
            let middle = (low + high) / 2
            if commaClauses[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let previous = commaClauses[low - 1]
        let between = characters[previous.upperBound..<offset]
        return between.contains { Self.sentenceEnds.contains($0) } ? nil : previous
    }

    /// The clause holding character `offset`.
    func clause(around offset: Int) -> Range<Int> {
        clauses().first { $0.contains(offset) || $0.upperBound == offset } ?? offset..<offset
    }

    /// The sentence holding character `offset`.
    func sentence(around offset: Int) -> Range<Int> {
        sentences.first { $0.contains(offset) } ?? offset..<offset
    }

    private static let sentenceEnds: Set<Character> = ["。", ".", "!", "！", "?", "？", "\n", ";", "；"]
}

extension Array where Element == Character {
    /// Whether `term` occurs in characters `range`.
    func contains(_ term: String, in range: Range<Int>) -> Bool {
        firstIndex(of: term, in: range) != nil
    }

    /// Where `term` first occurs in characters `range`.
    func firstIndex(of term: String, in range: Range<Int>) -> Int? {
        let needle = Array(term)
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if self[index] == needle[0], Array(self[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
