import Clinical

/// The words of Chinese consultations the built-in drafter writes records from: symptoms by their clinical name and
/// the ways people say them, diagnoses, tests, medicines, and the cues around them. The words are data
/// (`Clinical/Knowledge/record-words.zh.jsonl`, and the diseases, tests and medicines of `record-terms.jsonl`); these
/// names keep the readers short.
enum ChineseClinicalTerms {
    static let words = RecordWords.chinese
    static let terms = RecordTerms.shipped
    /// The drafter's own symptoms, then the findings of the shared clinical knowledge a record names (`record` in
    /// concepts.jsonl) with the ways they are said that the drafter's words do not already hold: one vocabulary.
    static let symptoms: [(name: String, said: [String])] = {
        let own = words.symptoms.map { ($0.name, $0.said) }
        var said = Set(own.flatMap(\.1).map(Folded.text))
        let shared = ClinicalKnowledge.shipped.concepts.values.filter { $0.record == true }.sorted { $0.id < $1.id }.compactMap {
            concept -> (String, [String])? in
            let new = (concept.say["zh"] ?? []).filter { said.insert(Folded.text($0)).inserted }
            return new.isEmpty ? nil : (concept.zh, new)
        }
        return own + shared
    }()
    /// Every way a diagnosis is said → the record's name for it; the drafter's own words keep their names.
    static let diagnosisNames = merged(words[.diagnoses], names: words.writtenAs, with: terms.sayings(.disease, language: "zh"))
    /// Long-standing diseases as the record names them: named by the patient, they are the history.
    static let chronicDiseases = Set(terms.of(.disease).filter(\.chronic).map(\.zh))
    static let testNames = merged(words[.tests], names: [:], with: terms.sayings(.test, language: "zh"))
    /// Tests and what they measure, as results name them.
    static let resultNames = testNames.merging(merged([], names: [:], with: terms.sayings(.analyte, language: "zh"))) { test, _ in test }
    static let medicineNames = merged(words[.medicines], names: [:], with: terms.sayings(.medicine, language: "zh"))
    static let negationCues = words[.negationCues]
    static let uncertaintyCues = words[.uncertaintyCues]
    static let questionCues = words[.questionCues]
    static let adviceCues = words[.adviceCues]
    static let resultCues = words[.resultCues]
    static let pastCues = words[.pastCues]
    static let healthyPast = words[.healthyPast]
    static let pediatricNames = Set(words[.pediatricNames])
    static let childCues = words[.childCues]
    static let fillers = words[.fillers]
    static let familyCues = words[.familyCues]
    static let modifierCues = words[.modifierCues]
    static let occupationQuestions = words[.occupationQuestions]
    static let personalCues = words[.personalCues]
    static let examCues = words[.examCues]
    static let pastUses = words[.pastUses]
    static let ongoingUses = words[.ongoingUses]
    static let habits = words[.habits]
    static let durationQuestions = words[.durationQuestions]
    static let leadingFillers = words[.leadingFillers]
    static let speakerWords = words[.speakerWords]
    static let resultWords = words[.resultWords]
    static let mildCues = words[.mildCues]
    static let stopCues = words[.stopCues]
    static let prohibitionCues = words[.prohibitionCues]

    /// The drafter's own words (named by `names`, else by themselves), and the terms' sayings they do not already hold.
    private static func merged(_ own: [String], names: [String: String], with sayings: [(said: String, name: String)]) -> [String: String] {
        // Keyed as the transcript is folded, so that two spellings of one word cannot both be matched.
        var result: [String: String] = [:]
        for word in own where result[Folded.text(word)] == nil { result[Folded.text(word)] = names[word] ?? word }
        for (said, name) in sayings where result[Folded.text(said)] == nil { result[Folded.text(said)] = name }
        return result
    }
}
