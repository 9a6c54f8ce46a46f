/// A clinical concept: a finding, disease, body site, quality (pain, swelling…), request, condition, test,
/// medicine or procedure, with its names, the ways patients say it, and the specialties that treat it.
public struct Concept: Sendable, Codable, Equatable {
    /// What sort of concept it is; sites and qualities compose, the others are evidence.
    public enum Kind: String, Sendable, Codable {
        case finding, disease, site, quality, request, condition, test, medicine, procedure
    }
    public let id: String
    public let kind: Kind
    /// The clinical name in Chinese and in English.
    public let zh: String
    public let en: String
    /// What patients write, per language (`zh`, `en`); typing slips included.
    public let say: [String: [String]]
    /// Evidence for each specialty when the concept is said to be present (they add up).
    public let specialties: [String: Double]?
    /// Site and quality pairs that say this concept when written apart (小便 … 痛 → dysuria).
    public let from: [[String]]?
    /// For a quality: the concept it says when no site is written near it (没劲 alone is tiredness).
    public let alone: String?
    /// `surgical`: the patient asks for an operation, so each specialty's evidence goes to the specialty that operates.
    public let redirects: String?
    /// A concept that lasting this long says another too: a fever of 7 days or more is a prolonged fever.
    public let lasting: Lasting?
    /// A finding the outpatient record names by `zh` (乏力, 心悸), not a triage group (耳鼻喉不适): the record drafter
    /// reads it, and the ways it is said, beside its own words.
    public let record: Bool?
    /// A pattern: the concept is present when every one of these is (a drooping eyelid with double vision), and says
    /// what none of them says alone.
    public let allOf: [String]?

    /// How long a concept must last to say `concept`.
    public struct Lasting: Sendable, Codable, Equatable {
        public let days: Double
        public let concept: String
    }
}

/// Words that change what the concepts near them mean: negation, the past, a supposition, degree, onset, who is ill,
/// and the ends of clauses and sentences.
public struct Cue: Sendable, Codable, Equatable {
    /// What the cue does to the concepts in its scope.
    public enum Kind: String, Sendable, Codable {
        case negation, contrast, past, pastAfter = "past_after", standing, hypothetical, mild, severe, sudden, waking, child, elderly, infant
        /// The person who is ill is an adult (大人, an adult): a child named too is the context (孩子班上有水痘).
        case adult
        /// A word read whole so that a shorter cue inside it is not read: 特别 is not the negation 别, 不停 not 不.
        case word
        case clauseEnd = "clause_end", sentenceEnd = "sentence_end"
    }
    /// How far a cue reaches: `near` (a concept starting within two units: Chinese characters or English words),
    /// `clause`, `sentence` or `message`.
    public enum Scope: String, Sendable, Codable {
        case near, clause, sentence, message
    }
    public let kind: Kind
    public let scope: Scope?
    /// A quality the cue also is (剧痛 is severe and a pain, so 小肚子剧痛 is abdominal pain).
    public let quality: String?
    public let say: [String: [String]]
}

/// A red-flag rule: a combination of findings with conditions, the level it raises, and where it comes from.
public struct RedFlagRule: Sendable, Codable, Equatable {
    public let id: String
    /// `emergency` (call 120 now) or `urgent` (seen today).
    public let level: String
    public let zh: String
    public let en: String
    /// The guideline or source the rule follows.
    public let source: String
    /// Every one of these findings, present and not mild.
    public let all: [String]
    /// At least one of these too, when given.
    public let any: [String]?
    public let when: Conditions?
    /// The question that decides the rule when only `all` is known.
    public let ask: String?
    /// The rule holds even when the findings were said to be slight (有点出血 in pregnancy).
    public let evenMild: Bool?
    /// The `all` findings count even when said to be slight, the `any` companions only when not: a head injury that
    /// seemed nothing at the time, and vomiting now.
    public let allEvenMild: Bool?

    /// Conditions on the person and the onset; each one given must hold.
    public struct Conditions: Sendable, Codable, Equatable {
        public let ageBelowYears: Double?
        public let ageAtLeastYears: Double?
        public let pregnant: Bool?
        public let sudden: Bool?
        public let severe: Bool?
        public let fever: Bool?
        public let elderly: Bool?
        public let child: Bool?
        /// At least one of these conditions (by name: `sudden`, `waking`, `severe`, `fever`, `elderly`, `child`, `pregnant`,
        /// `under_three`).
        public let anyOf: [String]?
        /// At least this many findings present, slight ones included (pregnancy and something else).
        public let findingsAtLeast: Int?
    }
}

/// How soon, when no red flag holds (`levels.jsonl`): the first rule that holds gives its level and reason.
public struct LevelRule: Sendable, Codable, Equatable {
    /// The key the reply turns into words (`high_fever`, `mild_cold`).
    public let reason: String
    /// `urgent` (seen within a day) or `self_care`.
    public let level: String
    /// Every one of these findings present (slight ones count).
    public let all: [String]?
    /// At least one of these, when given.
    public let any: [String]?
    /// Every finding present is one of these, and there is one.
    public let only: [String]?
    public let when: RedFlagRule.Conditions?
    /// None of these conditions holds (by name, as in `Conditions.anyOf`).
    public let unless: [String]?
    /// Not said to have lasted longer than this many days.
    public let maxDays: Double?
}

/// A question the companion asks to decide a rule or to separate candidates, in both languages.
public struct Question: Sendable, Codable, Equatable {
    public let id: String
    public let zh: String
    public let en: String
}

/// A medical specialty (SNOMED CT practice setting) that a hospital's departments cover.
public struct Specialty: Sendable, Codable, Equatable {
    public let id: String
    public let snomed: String?
    /// Other SNOMED CT practice-setting codes a hospital may give a department of this specialty (accident and
    /// emergency for emergency medicine; obstetrics and gynaecology for both).
    public let snomedAlso: [String]?
    public let zh: String
    public let en: String
    /// Children with this specialty's complaints stay with it rather than going to the children's specialty.
    public let keepsChildren: Bool?
    /// Pregnant patients with this specialty's complaints stay with it rather than going to obstetrics.
    public let keepsPregnant: Bool?
    /// This specialty sees children, pregnant women or emergencies.
    public let forChildren: Bool?
    /// A child with a fever goes to this specialty even when the best one keeps children (a cold with a runny nose
    /// is the children's clinic's, not the ENT clinic's).
    public let takesChildrenWithFever: Bool?
    public let forPregnancy: Bool?
    public let forEmergency: Bool?
    /// The specialty that operates on this one's conditions (a patient asking for surgery goes there).
    public let surgical: String?
    /// The specialty whose department sees these patients in a hospital with no department for this one
    /// (rheumatology → internal medicine); followed as a chain.
    public let fallback: String?
}

/// A traditional character and its simplified form.
public struct CharacterForm: Sendable, Codable, Equatable {
    public let traditional: String
    public let simplified: String
}
