import Foundation
import ModelRuntime
import Wording

/// Answers to common questions (opening hours, parking, 医保, preparation…), found by retrieval: character pairs for
/// Chinese, words for English, weighted by how rare they are across the questions. The shipped entries are general
/// (preparing for tests); a hospital's own come from its settings (`including(_:)`).
public struct KnowledgeBase: Sendable {
    public struct Answer: Sendable, Equatable {
        public let id: String
        public let text: String
        public let score: Double
    }

    /// The lowest score taken as an answer; below it the companion says it does not know.
    static let threshold = 0.34

    private let entries: [FAQEntry]
    private let questionFeatures: [Language: [(entry: Int, features: Set<String>)]]
    private let weights: [Language: [String: Double]]

    /// The general entries shipped with the module (`Knowledge/general-faq.json`); a broken file stops start-up.
    public static let general: KnowledgeBase = {
        do {
            guard let url = Bundle.module.url(forResource: "general-faq", withExtension: "json") else { throw CocoaError(.fileNoSuchFile) }
            let entries = try JSONDecoder().decode([FAQEntry].self, from: Data(contentsOf: url))
            if let broken = entries.first(where: { $0.problem != nil }) { throw KnowledgeBaseInvalid(id: broken.id, problem: broken.problem ?? "") }
            return KnowledgeBase(entries: entries)
        } catch {
            fatalError("Knowledge/general-faq.json does not load: \(error)")
        }
    }()

    /// These entries and a hospital's own: an entry of the hospital with the id of one of these replaces it.
    public func including(_ hospitalEntries: [FAQEntry]) -> KnowledgeBase {
        guard !hospitalEntries.isEmpty else { return self }
        let replaced = Set(hospitalEntries.map(\.id))
        return KnowledgeBase(entries: entries.filter { !replaced.contains($0.id) } + hospitalEntries)
    }

    init(entries: [FAQEntry]) {
        self.entries = entries
        var features: [Language: [(Int, Set<String>)]] = [:]
        var weights: [Language: [String: Double]] = [:]
        for language in Language.allCases {
            var rows: [(Int, Set<String>)] = []
            var documentFrequency: [String: Int] = [:]
            for (index, entry) in entries.enumerated() {
                for question in (language == .zh ? entry.zh : entry.en).questions {
                    let set = Self.features(question, language: language)
                    rows.append((index, set))
                    for feature in set { documentFrequency[feature, default: 0] += 1 }
                }
            }
            features[language] = rows
            weights[language] = documentFrequency.mapValues { log(Double(rows.count + 1) / Double($0)) + 0.5 }
        }
        questionFeatures = features
        self.weights = weights
    }

    /// The best answer for a question in its language, or nil when nothing fits well enough.
    public func answer(_ question: String, language: Language) -> Answer? {
        let query = Self.features(question, language: language)
        guard !query.isEmpty, let rows = questionFeatures[language], let weight = weights[language] else { return nil }
        func mass(_ set: Set<String>) -> Double { set.reduce(0) { $0 + (weight[$1] ?? 2.0) } }
        let queryMass = mass(query)
        var best: (index: Int, score: Double)?
        for row in rows {
            let shared = mass(query.intersection(row.features))
            guard shared > 0 else { continue }
            let score = shared / (queryMass * mass(row.features)).squareRoot()
            if score > (best?.score ?? 0) { best = (row.entry, score) }
        }
        guard let best, best.score >= Self.threshold else { return nil }
        let entry = entries[best.index]
        return Answer(id: entry.id, text: language == .zh ? entry.zh.answer : entry.en.answer, score: best.score)
    }

    struct KnowledgeBaseInvalid: Error {
        let id: String
        let problem: String
    }

    static let englishStopWords: Set<String> = [
        "a", "an", "the", "i", "my", "me", "do", "does", "is", "are", "to", "of", "in", "on", "for", "can", "what", "when",
        "how", "where", "should", "there", "you", "your", "it", "be", "at", "and", "or", "will", "need", "please",
    ]

    /// Chinese: every pair of neighbouring characters (and single Latin words); English: the words that carry meaning.
    static func features(_ text: String, language: Language) -> Set<String> {
        let folded = Folded.text(text)
        if language == .en {
            let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
            return Set(words.filter { !englishStopWords.contains($0) }.map { $0.count > 4 && $0.hasSuffix("s") ? String($0.dropLast()) : $0 })
        }
        let characters = folded.filter { $0.isLetter || $0.isNumber }
        let array = Array(characters)
        var set = Set<String>()
        for index in array.indices.dropLast() { set.insert(String(array[index...index + 1])) }
        if array.count == 1 { set.insert(String(array[0])) }
        return set
    }
}
