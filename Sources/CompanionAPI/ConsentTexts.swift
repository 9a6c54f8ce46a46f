import Accounts
import Clinical
import Foundation

/// What the patient is shown for each consent purpose, in Chinese and English, from `Wording/consent-purposes.jsonl`:
/// the title, the text agreed to, what withdrawing does, and the text's version that every decision records.
struct ConsentTexts: Sendable {
    struct Wording: Decodable, Sendable {
        let title: String
        let text: String
        let onWithdrawal: String
    }

    struct Entry: Decodable, Sendable {
        let purpose: String
        let version: String
        let zh: Wording
        let en: Wording

        func wording(english: Bool) -> Wording { english ? en : zh }
    }

    let entries: [ConsentPurpose: Entry]

    /// The texts shipped with the server.
    static let shipped: ConsentTexts = {
        do {
            return try load(KnowledgeFile.read(fileName, in: Bundle.module.resourceURL!))
        } catch {
            fatalError("the shipped consent texts do not load: \(error)")
        }
    }()

    static let fileName = "consent-purposes.jsonl"

    /// The texts in `file`: one entry for each purpose the server gates, each with a version and both languages.
    static func load(_ file: KnowledgeFile) throws -> ConsentTexts {
        var entries: [ConsentPurpose: Entry] = [:]
        for (line, entry) in try file.entries(Entry.self) {
            guard let purpose = ConsentPurpose(rawValue: entry.purpose) else {
                throw KnowledgeError(file: file.name, line: line, message: "unknown purpose \"\(entry.purpose)\"")
            }
            guard entries[purpose] == nil else { throw KnowledgeError(file: file.name, line: line, message: "\(entry.purpose) again") }
            let texts = [entry.version, entry.zh.title, entry.zh.text, entry.zh.onWithdrawal, entry.en.title, entry.en.text, entry.en.onWithdrawal]
            guard texts.allSatisfy({ !$0.isEmpty }) else {
                throw KnowledgeError(file: file.name, line: line, message: "a purpose needs a version and every text in zh and en")
            }
            entries[purpose] = entry
        }
        if let missing = ConsentPurpose.allCases.first(where: { entries[$0] == nil }) {
            throw KnowledgeError(file: file.name, line: 0, message: "no text for \(missing.rawValue)")
        }
        return ConsentTexts(entries: entries)
    }

    func entry(_ purpose: ConsentPurpose) -> Entry { entries[purpose]! }
}
