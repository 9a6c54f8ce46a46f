import Clinical
import Foundation

/// The instructions a model engine is given to understand a message, per language, versioned; the hospital's name
/// and the knowledge's finding codes are filled in. Data: `Knowledge/understanding-prompt.json`.
public struct UnderstandingPrompt: Sendable, Decodable {
    public let version: String
    let zh: String
    let en: String

    /// The prompt shipped with the module; a broken file stops start-up.
    public static let shipped: UnderstandingPrompt = {
        do {
            guard let url = Bundle.module.url(forResource: "understanding-prompt", withExtension: "json") else { throw CocoaError(.fileNoSuchFile) }
            return try load(try Data(contentsOf: url))
        } catch {
            fatalError("the shipped understanding prompt does not load: \(error)")
        }
    }()

    /// A prompt file, checked: a version, and both languages naming where the codes go.
    public static func load(_ data: Data) throws -> UnderstandingPrompt {
        let prompt = try JSONDecoder().decode(UnderstandingPrompt.self, from: data)
        guard !prompt.version.isEmpty, [prompt.zh, prompt.en].allSatisfy({ $0.contains("{findings}") }) else {
            throw KnowledgeError(file: "understanding-prompt.json", line: 0, message: "a version and {findings} in zh and en are needed")
        }
        return prompt
    }

    /// The system message in `language` for `hospital`, listing `codes` with their names.
    func system(language: Language, hospital: String, codes: [(id: String, name: String)]) -> String {
        let list = codes.map { "\($0.id): \($0.name)" }.joined(separator: "\n")
        return (language == .en ? en : zh).replacingOccurrences(of: "{hospital}", with: hospital).replacingOccurrences(of: "{findings}", with: list)
    }
}
