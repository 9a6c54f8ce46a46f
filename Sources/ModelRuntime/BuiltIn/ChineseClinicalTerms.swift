import Clinical

/// The words of Chinese consultations the built-in drafter writes records from: symptoms by their clinical name and
/// the ways people say them, diagnoses, tests, medicines, and the cues around them. The words are data
/// (`Clinical/Knowledge/record-words.zh.jsonl`); these names keep the readers short.
enum ChineseClinicalTerms {
    static let words = RecordWords.chinese
    static let symptoms: [(name: String, said: [String])] = words.symptoms.map { ($0.name, $0.said) }
    static let diagnoses = words[.diagnoses]
    static let diagnosisNames = words.writtenAs
    static let tests = words[.tests]
    static let medicines = words[.medicines]
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
    static let personalCues = words[.personalCues]
    static let examCues = words[.examCues]
    static let pastUses = words[.pastUses]
}
