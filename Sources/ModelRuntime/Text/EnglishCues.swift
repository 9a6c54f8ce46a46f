/// English cue words matched on whole words: "heart" is not found in "heartburn"; a cue ending in `*` matches the
/// start of a word ("palpat*" finds "palpation"), one beginning with `*` its end ("*year-old" finds "50-year-old").
enum EnglishCues {
    /// The text lowered, with punctuation other than apostrophes, hyphens and slashes turned to spaces, between spaces.
    static func padded(_ text: String) -> String {
        " " + String(text.lowercased().map { $0.isLetter || $0.isNumber || "'-/.%".contains($0) ? $0 : " " }) + " "
    }

    /// Whether `cue` occurs in a `padded` text.
    static func holds(_ cue: String, in padded: String) -> Bool {
        var word = Substring(cue), before = " ", after = " "
        if word.hasPrefix("*") { word = word.dropFirst(); before = "" }
        if word.hasSuffix("*") { word = word.dropLast(); after = "" }
        return padded.contains(before + word + after)
    }

    /// Whether any of `cues` occurs in `text`.
    static func any(_ cues: [String], in text: String) -> Bool {
        let padded = padded(text)
        return cues.contains { holds($0, in: padded) }
    }
}
