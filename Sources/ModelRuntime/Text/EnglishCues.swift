/// English cue words matched on whole words: "heart" is not found in "heartburn"; a cue ending in `*` matches the
/// start of a word ("palpat*" finds "palpation").
enum EnglishCues {
    /// The text lowered, with punctuation other than apostrophes, hyphens and slashes turned to spaces, between spaces.
    static func padded(_ text: String) -> String {
        " " + String(text.lowercased().map { $0.isLetter || $0.isNumber || "'-/.%".contains($0) ? $0 : " " }) + " "
    }

    /// Whether `cue` occurs in a `padded` text.
    static func holds(_ cue: String, in padded: String) -> Bool {
        cue.hasSuffix("*") ? padded.contains(" " + cue.dropLast()) : padded.contains(" " + cue + " ")
    }

    /// Whether any of `cues` occurs in `text`.
    static func any(_ cues: [String], in text: String) -> Bool {
        let padded = padded(text)
        return cues.contains { holds($0, in: padded) }
    }
}
