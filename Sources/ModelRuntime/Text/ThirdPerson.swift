import Clinical

/// A patient's or doctor's sentence put as a record puts it: the patient in the third person ("I've had a cough" →
/// "She has had a cough"), the doctor's "you" and "your" as the patient's. The words of English grammar, not
/// clinical knowledge, so they live here.
struct ThirdPerson: Sendable {
    /// How the record names the patient: "she" and "her", "he" and "his", or "the patient" when the consultation
    /// does not say.
    struct Person: Sendable, Equatable {
        let subject: String
        let possessive: String
        let object: String

        static let unknown = Person(subject: "the patient", possessive: "the patient's", object: "the patient")
        static let female = Person(subject: "she", possessive: "her", object: "her")
        static let male = Person(subject: "he", possessive: "his", object: "him")
        /// A relative speaking for the patient ("my son") is the subject of their own sentences.
        static let family = Person(subject: "the family", possessive: "the", object: "the family")
    }

    let person: Person

    init(_ person: Person = .unknown) { self.person = person }

    /// The patient's own sentence with "I", "my" and "me" as the patient's; a relative speaking for the patient
    /// ("my son") makes the relative the subject instead: "the family".
    func patient(_ sentence: String) -> String {
        Self.rewrite(sentence, as: Self.speaksForThePatient(sentence.lowercased()) ? .family : person)
    }

    /// The doctor's sentence with "you" as the patient and "your" as the patient's.
    func doctor(_ sentence: String) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for index in words.indices {
            let (core, tail) = Self.split(words[index])
            switch core.lowercased() {
            // "Your knee" of a patient the record cannot call she or he is "the knee", not "the patient's knee".
            case "your": words[index] = (person == .unknown ? "the" : person.possessive) + tail
            case "you":
                // "You need" is the patient needing (the verb agrees); "I want you to" has the patient as its object.
                let subject = index == 0 || words[index - 1].hasSuffix(",") || Self.clauseOpeners.contains(words[index - 1].lowercased())
                words[index] = (subject ? person.subject : person.object) + tail
                // The verb past an adverb agrees: "if you ever feel" → "if the patient ever feels".
                var verb = index + 1
                while verb < words.count, Self.adverbs.contains(words[verb].lowercased()) { verb += 1 }
                if subject, tail.isEmpty, verb < words.count { words[verb] = Self.conjugated(words[verb]) }
            case "you're": words[index] = person.subject + " is" + tail
            case "you've": words[index] = person.subject + " has" + tail
            case "you'll": words[index] = person.subject + " will" + tail
            case "you'd": words[index] = person.subject + " would" + tail
            default: break
            }
        }
        return Self.capitalized(words.joined(separator: " "))
    }

    /// Part of a sentence (a medicine's line: "lisinopril for my blood pressure") in the record's person, its first
    /// letter in the case it was said.
    func phrase(_ text: String, saidByPatient: Bool) -> String {
        let rewritten = saidByPatient ? patient(text) : doctor(text)
        guard let first = text.first, first.isLowercase, let second = rewritten.first, second.lowercased() == String(first) else { return rewritten }
        return String(first) + rewritten.dropFirst()
    }

    private static func rewrite(_ sentence: String, as person: Person) -> String {
        let subject = person.subject
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
                words[index] = person.possessive + tail
            } else if lower == "me" || lower == "myself" {
                words[index] = person.object + tail
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
        guard lower.count > 1, lower.allSatisfy(\.isLetter), !unchanged.contains(lower), !(lower.hasSuffix("ed") && !lower.hasSuffix("eed")),
            !lower.hasSuffix("ing"), !lower.hasSuffix("ly")
        else { return word }
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
        "cut", "hurt", "put", "quit", "fell", "started", "noticed", "heard", "told", "said", "made", "came", "began", "ate", "drank", "slept",
        "woke", "wrote", "gave", "knew", "left", "lost", "kept", "meant", "ran", "sat", "stood", "bought", "brought", "caught", "found",
        "held", "paid", "sent", "spent", "wore", "broke", "chose", "forgot", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with",
        "kind", "sort", "guys", "all", "both", "yourself", "too", "as", "first", "not",
    ]
    /// Words after which "you" starts a clause of its own, so it is its subject.
    static let clauseOpeners: Set<String> = [
        "and", "but", "so", "that", "if", "when", "because", "since", "as", "or", "until", "before", "after", "while", "then", "okay", "now",
        "where", "how", "what", "why", "unless", "once", "whether", "like", "think", "sure", "hope",
    ]
    static let adverbs: Set<String> = [
        "also", "just", "still", "usually", "always", "never", "sometimes", "really", "often", "only", "then", "already", "first",
        "actually", "definitely", "finally", "recently", "even", "kind", "sort", "of", "ever",
    ]
    /// "my son", "my 3 year old": a relative speaking for the patient.
    static func speaksForThePatient(_ lowered: String) -> Bool {
        if relatives.contains(where: lowered.contains) { return true }
        let words = lowered.split(separator: " ")
        // "my 3 year old", not "my 40 miles".
        return words.indices.dropLast(2).contains { index in
            words[index] == "my" && words[index + 1].first?.isNumber == true
                && ["year", "month", "week"].contains(where: (words[index + 1] + " " + words[index + 2]).contains)
        }
    }

    static let relatives = EnglishReading.words[.relativeSpeaking]
}
