import Foundation

/// Every sentence a patient reads, in Chinese and English, keyed by id (`Messages/messages.jsonl`), with `{name}`
/// parameters. A parameter not given is another entry of the catalog (`{assistant}` is the assistant's name), so a
/// hospital that overrides one entry changes it everywhere it is used.
public struct MessageCatalog: Sendable, Equatable {
    /// One entry: its id and its text in each language.
    public struct Entry: Sendable, Codable, Equatable {
        public let id: String
        public let zh: String
        public let en: String

        public init(id: String, zh: String, en: String) {
            self.id = id
            self.zh = zh
            self.en = en
        }
    }

    /// A catalog entry that cannot be used, with where it is.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    private let entries: [String: Entry]

    /// The catalog shipped with Companion; a broken entry stops start-up naming its line.
    public static let shipped: MessageCatalog = {
        do {
            guard let url = Bundle.module.url(forResource: "messages", withExtension: "jsonl", subdirectory: "Messages") else {
                throw Invalid(description: "Messages/messages.jsonl is missing")
            }
            return try MessageCatalog(jsonl: String(decoding: try Data(contentsOf: url), as: UTF8.self), file: "messages.jsonl")
        } catch {
            fatalError("the shipped message catalog does not load: \(error)")
        }
    }()

    /// Reads entries, one JSON object per line (`#` lines are comments), each checked.
    public init(jsonl: String, file: String) throws {
        var entries: [String: Entry] = [:]
        for (number, line) in jsonl.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            let entry: Entry
            do {
                entry = try JSONDecoder().decode(Entry.self, from: Data(text.utf8))
            } catch {
                throw Invalid(description: "\(file):\(number + 1): not an entry {id, zh, en}")
            }
            try Self.check(entry, where: "\(file):\(number + 1)")
            guard entries.updateValue(entry, forKey: entry.id) == nil else {
                throw Invalid(description: "\(file):\(number + 1): \(entry.id) given twice")
            }
        }
        self.entries = entries
    }

    private init(entries: [String: Entry]) { self.entries = entries }

    /// This catalog with a hospital's own wording for some entries; each must exist and keep the same parameters.
    public func overriding(_ changes: [Entry]) throws -> MessageCatalog {
        var merged = entries
        for change in changes {
            guard let original = entries[change.id] else { throw Invalid(description: "wording: no message \(change.id) to override") }
            try Self.check(change, where: "wording \(change.id)")
            guard Self.parameters(change.zh) == Self.parameters(original.zh) else {
                throw Invalid(description: "wording \(change.id): must keep the parameters \(Self.parameters(original.zh).sorted())")
            }
            merged[change.id] = change
        }
        return MessageCatalog(entries: merged)
    }

    /// The entry's text in `language` (`zh` or `en`), its parameters filled from `values`, else from the catalog's
    /// entries of that name. An unknown id is a programming error, shown as the id itself rather than crashing a reply.
    public func text(_ id: String, _ language: String, _ values: [String: String] = [:]) -> String {
        guard let entry = entries[id] else { return id }
        return fill(language == "en" ? entry.en : entry.zh, language: language, values: values, depth: 0)
    }

    /// Whether the catalog has an entry (tests check that code uses only ids that exist).
    public func contains(_ id: String) -> Bool { entries[id] != nil }

    public var ids: [String] { entries.keys.sorted() }

    private func fill(_ template: String, language: String, values: [String: String], depth: Int) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                out += value
            } else if depth < 3, let entry = entries[name] {
                out += fill(language == "en" ? entry.en : entry.zh, language: language, values: values, depth: depth + 1)
            } else {
                out += "{\(name)}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private static func check(_ entry: Entry, where place: String) throws {
        guard !entry.id.isEmpty, !entry.zh.isEmpty, !entry.en.isEmpty else { throw Invalid(description: "\(place): id, zh and en are required") }
        guard parameters(entry.zh) == parameters(entry.en) else {
            throw Invalid(
                description: "\(place): \(entry.id) has parameters \(parameters(entry.zh).sorted()) in zh but "
                    + "\(parameters(entry.en).sorted()) in en")
        }
    }

    static func parameters(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
