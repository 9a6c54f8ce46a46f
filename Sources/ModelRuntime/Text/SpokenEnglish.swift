import Foundation

/// English speech as a recogniser or a transcriber writes it, made into sentences a record can quote: a long stretch
/// without punctuation cut where a new sentence starts ("… the x-ray showed no fracture okay so let's …"), and the
/// quoted words tidied (no "um", no "have , have", "do n't" as "don't"). The words that cut and those left out are
/// data (`disfluencies`, `spokenBreaks` of `record-words.en.jsonl`); the rest is English spelling.
enum SpokenEnglish {
    /// `range` of `characters` cut into sentences: when it holds more than `longest` words, before each of `breaks`
    /// said as whole words, keeping at least `shortest` words in each piece. One pass over the range.
    static func sentences(
        in characters: [Character], _ range: Range<Int>, breaks: [[Character]], longest: Int = 30, shortest: Int = 5
    ) -> [Range<Int>] {
        var starts: [Int] = []
        for offset in range where isWordCharacter(characters[offset]) && (offset == range.lowerBound || characters[offset - 1] == " ") {
            starts.append(offset)
        }
        guard starts.count > longest else { return [range] }
        var pieces: [Range<Int>] = []
        var pieceStart = range.lowerBound, wordsInPiece = 0
        for start in starts {
            if wordsInPiece >= shortest, breaks.contains(where: { said($0, at: start, in: characters, before: range.upperBound) }) {
                pieces.append(pieceStart..<trimmedEnd(characters, pieceStart, start))
                pieceStart = start
                wordsInPiece = 0
            }
            wordsInPiece += 1
        }
        pieces.append(pieceStart..<range.upperBound)
        return pieces.filter { !$0.isEmpty }
    }

    /// `text` (folded to lower case) with the words that `original` wrote with capitals inside a sentence written so
    /// again (COPD, Epley, Dix-Hallpike); the pronoun I and a sentence's first word tell nothing and are left.
    static func restoringCase(of text: String, from original: String) -> String {
        var cased: [String: String] = [:]
        var sentenceStart = true
        for token in original.split(whereSeparator: { $0 == " " }) {
            let word = token.trimmingCharacters(in: wordEdges)
            if !sentenceStart, word.contains(where: \.isUppercase), !word.hasPrefix("I'"), word != "I" { cased[word.lowercased()] = word }
            sentenceStart = token.last.map { ".!?".contains($0) } ?? false
        }
        guard !cased.isEmpty else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { token in
            let word = token.trimmingCharacters(in: wordEdges)
            guard let restored = cased[word], let range = token.range(of: word) else { return String(token) }
            return token.replacingCharacters(in: range, with: restored)
        }.joined(separator: " ")
    }

    /// Punctuation around a word, not inside one (Dix-Hallpike, A&E).
    private static let wordEdges = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-&"))

    /// A quoted sentence as a record writes it: tokenisation undone ("do n't" → "don't", "gon na" → "going to", " ,"
    /// → ","), `disfluencies` left out, a word or two said twice in a row ("i , i was") said once.
    static func tidy(_ text: String, disfluencies: [[String]]) -> String {
        var words: [String] = []
        for token in text.split(separator: " ").map(String.init) {
            if token.count > 1, token.hasSuffix("-") {
                continue  // a word broken off
            } else if let last = words.last, token.allSatisfy({ $0.isPunctuation }) || clitics.contains(token) {
                words[words.count - 1] = last + token
            } else if token == "na", let last = words.last, let whole = joined[last.lowercased()] {
                words[words.count - 1] = whole
            } else {
                words.append(capitalisedI[token] ?? token)
            }
        }
        words = withoutDisfluencies(words, disfluencies)
        words = withoutRepeats(words, length: 2)
        words = withoutRepeats(words, length: 1)
        var result = words.joined(separator: " ")
        while result.contains(",,") { result = result.replacingOccurrences(of: ",,", with: ",") }
        result = result.replacingOccurrences(of: ",.", with: ".").replacingOccurrences(of: ",?", with: "?")
        while let first = result.first, first == "," || first == " " { result.removeFirst() }
        while let last = result.last, last == "," || last == " " { result.removeLast() }
        return result
    }

    /// The word without punctuation around it, lowered: what is compared.
    static func core(_ word: String) -> String {
        String(word.lowercased().drop { !isWordCharacter($0) }.reversed().drop { !isWordCharacter($0) }.reversed())
    }

    private static func withoutDisfluencies(_ words: [String], _ disfluencies: [[String]]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < words.count {
            let match = disfluencies.first { phrase in
                index + phrase.count <= words.count && phrase.indices.allSatisfy { core(words[index + $0]) == phrase[$0] }
                    && !words[index + phrase.count - 1].hasSuffix("?")
            }
            if let match {
                // The phrase's own comma goes with it; a sentence's end stays.
                let last = words[index + match.count - 1]
                if let end = last.last, ".!".contains(end), let previous = result.popLast() { result.append(previous + String(end)) }
                index += match.count
            } else {
                result.append(words[index])
                index += 1
            }
        }
        return result
    }

    private static func withoutRepeats(_ words: [String], length: Int) -> [String] {
        var result: [String] = []
        for word in words {
            result.append(word)
            let count = result.count
            guard count >= 2 * length else { continue }
            let first = (count - 2 * length)..<(count - length), second = (count - length)..<count
            if zip(first, second).allSatisfy({ core(result[$0]) == core(result[$1]) && !core(result[$0]).isEmpty }) {
                // Keep the second saying: it carries the sentence's own punctuation.
                result.removeSubrange(first)
            }
        }
        return result
    }

    private static func said(_ phrase: [Character], at start: Int, in characters: [Character], before end: Int) -> Bool {
        let after = start + phrase.count
        guard after <= end, characters[start..<after].elementsEqual(phrase) else { return false }
        return after == end || !isWordCharacter(characters[after])
    }

    private static func trimmedEnd(_ characters: [Character], _ lower: Int, _ upper: Int) -> Int {
        var end = upper
        while end > lower, characters[end - 1] == " " || characters[end - 1] == "," { end -= 1 }
        return end
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "'" }

    private static let clitics: Set<String> = ["'s", "'re", "'ve", "'d", "'ll", "'m", "n't"]
    private static let capitalisedI = ["i": "I", "i'm": "I'm", "i've": "I've", "i'd": "I'd", "i'll": "I'll"]

    /// Contractions a tokeniser splits in two before "na": "gon na" → "going to".
    private static let joined = ["gon": "going to", "wan": "want to"]
}
