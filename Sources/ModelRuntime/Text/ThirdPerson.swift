/// A patient's or doctor's sentence put as a record puts it: the patient in the third person ("I've had a cough" →
/// "The patient has had a cough"), the doctor's "you" and "your" as the patient's. The words of English grammar, not
/// clinical knowledge, so they live here.
enum ThirdPerson {
    /// The patient's own sentence with "I", "my" and "me" as the patient's; a relative speaking for the patient
    /// ("my son") makes the relative the subject instead: "the family".
    static func patient(_ sentence: String) -> String {
        rewrite(sentence, subject: relatives.contains(where: sentence.lowercased().contains) ? "the family" : "the patient")
    }

    /// The doctor's sentence with "you" as the patient and "your" as the patient's.
    static func doctor(_ sentence: String) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for index in words.indices {
            let (core, tail) = split(words[index])
            switch core.lowercased() {
            case "your": words[index] = "the" + tail
            case "you":
                words[index] = (index == 0 ? "The patient" : "the patient") + tail
                // The verb after "you" agrees with the patient: you are → the patient is, you need → needs.
                if tail.isEmpty, index + 1 < words.count { words[index + 1] = conjugated(words[index + 1]) }
            case "you're": words[index] = "the patient is" + tail
            case "you've": words[index] = "the patient has" + tail
            default: break
            }
        }
        return capitalized(words.joined(separator: " "))
    }

    private static func rewrite(_ sentence: String, subject: String) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var index = 0
        while index < words.count {
            let (core, tail) = split(words[index])
            let lower = core.lowercased()
            if let replaced = contractions[lower] {
                words[index] = subject + " " + replaced + tail
            } else if lower == "i", tail.isEmpty {
                words[index] = subject
                // The verb after "I" (past an adverb) agrees with the third person: I feel → the patient feels.
                var verb = index + 1
                while verb < words.count, adverbs.contains(words[verb].lowercased()) { verb += 1 }
                if verb < words.count { words[verb] = conjugated(words[verb]) }
            } else if lower == "my" {
                words[index] = (subject == "the patient" ? "the patient's" : "the") + tail
            } else if lower == "me" || lower == "myself" {
                words[index] = subject + tail
            }
            index += 1
        }
        return capitalized(words.joined(separator: " "))
    }

    /// The third person singular of a present-tense verb: have → has, feel → feels, go → goes; other words as they are.
    static func conjugated(_ word: String) -> String {
        let (core, tail) = split(word)
        let lower = core.lowercased()
        if let irregular = irregularVerbs[lower] { return irregular + tail }
        guard lower.count > 1, lower.allSatisfy(\.isLetter), !unchanged.contains(lower), !lower.hasSuffix("ed") else { return word }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return core.dropLast() + "ies" + tail }
        if ["s", "sh", "ch", "x", "z", "o"].contains(where: lower.hasSuffix) { return core + "es" + tail }
        return core + "s" + tail
    }

    private static func split(_ word: String) -> (String, String) {
        let core = word.prefix { $0.isLetter || $0 == "'" || $0 == "’" }
        return (String(core.map { $0 == "’" ? "'" : $0 }), String(word.dropFirst(core.count)))
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static let contractions = ["i'm": "is", "i've": "has", "i'd": "would", "i'll": "will"]
    static let irregularVerbs = [
        "have": "has", "do": "does", "go": "goes", "am": "is", "are": "is", "were": "was", "don't": "does not", "haven't": "has not",
        "aren't": "is not", "weren't": "was not",
    ]
    /// Words after "I" that are not present-tense verbs to conjugate (modals, past forms, negations).
    static let unchanged: Set<String> = [
        "was", "had", "did", "will", "would", "can", "could", "should", "might", "may", "must", "got", "felt", "took", "went", "saw", "thought",
        "cut", "hurt", "put", "quit", "fell", "started", "noticed",
    ]
    static let adverbs: Set<String> = [
        "also", "just", "still", "usually", "always", "never", "sometimes", "really", "often", "only", "then", "already",
    ]
    static let relatives = ["my son", "my daughter", "my husband", "my wife", "my mother", "my father", "my mom", "my dad", "my child", "my baby"]
}
