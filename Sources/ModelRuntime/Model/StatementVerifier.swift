import Foundation

/// Checks what a model wrote against the transcript: a statement is supported when the quote it gives (or the
/// statement itself) is found in the transcript and shares most of its content with it. Anything else is
/// `unsupported`; a statement that denies what its quote affirms (or the reverse) is a `negationConflict`.
struct StatementVerifier: Sendable {
    let transcript: [TranscriptTurn]
    /// Each turn's text folded once, for every statement's search.
    private let foldedTurns: [String]

    init(transcript: [TranscriptTurn]) {
        self.transcript = transcript
        foldedTurns = transcript.map { Folded.text($0.text) }
    }

    /// The evidence and flags of one statement.
    func check(text: String, quote: String?, turn: Int?) -> (evidence: [EvidenceSpan], flags: [StatementFlag]) {
        var candidates: [String] = []
        if let quote = quote.map(Self.trimmed), Self.isSubstantial(quote) { candidates.append(quote) }
        let statement = Self.trimmed(text)
        if Self.isSubstantial(statement) { candidates.append(statement) }
        for candidate in candidates {
            guard Self.overlap(of: statement, with: candidate) >= 0.5, let span = find(candidate, preferring: turn) else { continue }
            var flags: [StatementFlag] = []
            if Self.denies(statement) != Self.denies(candidate) { flags.append(.negationConflict) }
            if Self.doubts(statement) { flags.append(.uncertain) }
            if transcript[span.turn].speaker == .previsit { flags.append(.patientReported) }
            return ([span], flags)
        }
        return ([], [.unsupported])
    }

    private func find(_ needle: String, preferring preferred: Int?) -> EvidenceSpan? {
        var order = Array(transcript.indices)
        if let preferred, transcript.indices.contains(preferred) { order.insert(preferred, at: 0) }
        let folded = Folded.text(needle)
        for index in order {
            let haystack = foldedTurns[index]
            guard let range = haystack.range(of: folded) else { continue }
            let start = haystack.utf16.distance(from: haystack.startIndex, to: range.lowerBound)
            let end = haystack.utf16.distance(from: haystack.startIndex, to: range.upperBound)
            return EvidenceSpan(turn: index, start: start, end: end)
        }
        return nil
    }

    /// Long enough to be evidence rather than a coincidence: four characters of Chinese, or two English words.
    static func isSubstantial(_ text: String) -> Bool {
        let han = text.unicodeScalars.filter { $0.properties.isIdeographic }.count
        let words = text.split { !$0.isLetter && !$0.isNumber }.count
        return han >= 4 || (han == 0 && words >= 2)
    }

    /// The share of the statement's content (Han characters and numbers, or English words) found in the quote.
    static func overlap(of statement: String, with quote: String) -> Double {
        let quoteText = Folded.text(quote)
        let han = statement.filter { $0.unicodeScalars.first?.properties.isIdeographic == true && !functionCharacters.contains($0) }
        if !han.isEmpty {
            return Double(han.filter { quoteText.contains($0) || synonym($0).map(quoteText.contains) == true }.count) / Double(han.count)
        }
        let words = Folded.text(statement).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !englishFunctionWords.contains($0) }
        guard !words.isEmpty else { return 0 }
        let quoteWords = Set(quoteText.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return Double(words.filter(quoteWords.contains).count) / Double(words.count)
    }

    static func denies(_ text: String) -> Bool {
        let folded = " " + Folded.text(text) + " "
        return ["无", "没有", "没", "否认", "未", "不", " no ", " denies ", " denied ", " not ", "n't ", " without "].contains(where: folded.contains)
    }

    static func doubts(_ text: String) -> Bool {
        let folded = " " + Folded.text(text) + " "
        return ["考虑", "可能", "疑似", "待查", "？", "?", " likely", " possible", " probably", " suspect"].contains(where: folded.contains)
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    }

    private static func synonym(_ character: Character) -> Character? { ["热": "烧", "烧": "热", "涕": "鼻"][character] }

    static let functionCharacters: Set<Character> = Set("的了是在有和与及伴患儿者出现天前后")
    static let englishFunctionWords: Set<String> = [
        "the", "a", "an", "of", "and", "or", "with", "for", "to", "in", "on", "is", "was", "has", "have", "patient", "reports", "she", "he",
    ]
}
