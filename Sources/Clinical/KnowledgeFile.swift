import Foundation

/// One JSON Lines file of the knowledge: an entry per line; blank lines and lines starting with `#` are skipped.
struct KnowledgeFile {
    let name: String
    let text: String

    /// Each entry with its line number; a line that does not decode names itself.
    func entries<Entry: Decodable>(_ type: Entry.Type) throws -> [(line: Int, entry: Entry)] {
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
