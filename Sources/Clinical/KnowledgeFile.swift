import Foundation

/// One JSON Lines file of the knowledge: an entry per line; blank lines and lines starting with `#` are skipped.
public struct KnowledgeFile {
    /// The file's name, for errors.
    public let name: String
    let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The file `name` in `folder`; a missing or unreadable file is a `KnowledgeError` at line 0.
    public static func read(_ name: String, in folder: URL) throws -> KnowledgeFile {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
            throw KnowledgeError(file: name, line: 0, message: "missing or not UTF-8")
        }
        return KnowledgeFile(name: name, text: text)
    }

    /// Each entry with its line number; a line that does not decode names itself.
    public func entries<Entry: Decodable>(_ type: Entry.Type) throws -> [(line: Int, entry: Entry)] {
        var entries: [(Int, Entry)] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                entries.append((index + 1, try decoder.decode(Entry.self, from: Data(trimmed.utf8))))
            } catch let error as DecodingError {
                throw KnowledgeError(file: name, line: index + 1, message: Self.explain(error))
            }
        }
        return entries
    }

    static func explain(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: "not readable"
        }
    }
}
