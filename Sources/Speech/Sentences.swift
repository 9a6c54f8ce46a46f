/// A reply cut into the sentences an avatar speaks one after another, so the first can be spoken before the rest
/// are synthesised. Joined, the sentences are the text again, character for character: the closing marks and the
/// spaces after a sentence stay with it. One pass over the text.
public enum Sentences {
    /// Marks that end a sentence wherever they stand.
    static let enders: Set<Character> = ["。", "！", "？", "；", "…", "!", "?", ";", "\n"]
    /// Marks that close what the sentence opened and belong to it.
    static let closers: Set<Character> = ["”", "’", "\"", "'", ")", "）", "」", "』", "】", "》"]

    /// The sentences of `text`, in order; none for an empty text.
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var ended = false
        // A full stop ends an English sentence only before a space or the end ("3.5", "1." of a list do not).
        var stopPending = false
        for character in text {
            if stopPending {
                stopPending = false
                if character.isWhitespace && !isListNumber(current) { ended = true }
            }
            if ended && !(enders.contains(character) || closers.contains(character) || character.isWhitespace) {
                sentences.append(current)
                current = ""
                ended = false
            }
            current.append(character)
            if enders.contains(character) {
                ended = true
            } else if character == "." && !ended {
                stopPending = true
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// True when the sentence so far is only a number and its full stop ("2."), a list item's mark.
    private static func isListNumber(_ sentence: String) -> Bool {
        sentence.dropLast().allSatisfy(\.isNumber) && sentence.last == "."
    }

    /// True when a sentence has something to say (not only marks and spaces).
    public static func isSpeakable(_ sentence: String) -> Bool {
        sentence.contains { $0.isLetter || $0.isNumber }
    }
}
