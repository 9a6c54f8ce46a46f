import Foundation

/// Diseases, tests and medicines by the names a record gives them in Chinese and English, with the ways they are
/// said. Loaded from `Knowledge/record-terms.jsonl` and validated: a broken line stops loading with its file and line.
public struct RecordTerms: Sendable {
    /// What a term names.
    public enum Kind: String, Decodable, Sendable, CaseIterable {
        /// A disease, by its record name.
        case disease
        /// A test or examination that can be ordered (血常规, chest X-ray).
        case test
        /// What a test measures (白细胞, TSH): named in results, not ordered by itself.
        case analyte
        /// A medicine, by its generic name.
        case medicine
    }

    /// One term: its record names and the ways it is said (the names included).
    public struct Term: Sendable {
        public let kind: Kind
        public let zh: String
        public let en: String
        public let said: [String: [String]]
        /// A long-standing disease: named by the patient, it belongs to the history, not to today's complaint.
        public let chronic: Bool

        /// The record's name in `language` ("zh" or "en").
        public func name(_ language: String) -> String { language == "zh" ? zh : en }
    }

    public let terms: [Term]

    /// The terms of `kind`.
    public func of(_ kind: Kind) -> [Term] { terms.filter { $0.kind == kind } }

    /// Every way a term of `kind` is said in `language`, with the record's name for it.
    public func sayings(_ kind: Kind, language: String) -> [(said: String, name: String)] {
        of(kind).flatMap { term in (term.said[language] ?? []).map { ($0, term.name(language)) } }
    }

    /// The terms shipped with the module.
    public static let shipped: RecordTerms = {
        do {
            return try load(try KnowledgeFile.read("record-terms.jsonl", in: ClinicalKnowledge.shippedFolder))
        } catch {
            fatalError("the shipped record terms do not load: \(error)")
        }
    }()

    /// The terms in `file`.
    public static func load(_ file: KnowledgeFile) throws -> RecordTerms {
        var terms: [Term] = []
        var owner: [String: String] = [:]
        for (line, entry) in try file.entries(Line.self) {
            func fail(_ message: String) -> KnowledgeError { KnowledgeError(file: file.name, line: line, message: message) }
            guard let kind = Kind(rawValue: entry.kind) else { throw fail("unknown kind \"\(entry.kind)\"") }
            let zh = entry.zh.trimmingCharacters(in: .whitespaces), en = entry.en.trimmingCharacters(in: .whitespaces)
            guard !zh.isEmpty, !en.isEmpty else { throw fail("a record name (zh or en) is empty") }
            if entry.chronic == true, kind != .disease { throw fail("only a disease is chronic") }
            var said: [String: [String]] = [:]
            for (language, name) in [("zh", zh), ("en", en)] {
                let words = [name] + (entry.say?[language] ?? [])
                for word in words {
                    guard !word.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("an empty way of saying it") }
                    let key = "\(kind.rawValue) \(language) \(word.lowercased())"
                    if let first = owner[key] { throw fail("\"\(word)\" is said of \(first) already") }
                    owner[key] = name
                }
                said[language] = words
            }
            terms.append(Term(kind: kind, zh: zh, en: en, said: said, chronic: entry.chronic ?? false))
        }
        return RecordTerms(terms: terms)
    }

    struct Line: Decodable {
        let kind: String
        let zh: String
        let en: String
        let say: [String: [String]]?
        let chronic: Bool?
    }
}
