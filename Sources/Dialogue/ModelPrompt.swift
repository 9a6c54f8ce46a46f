import Clinical
import Foundation

/// Instructions for a model, per language and versioned, with `{placeholders}` filled in at each request. Data:
/// `Knowledge/understanding-prompt.json` (reading a message) and `Knowledge/answer-prompt.json` (answering a
/// question from the hospital's entry).
public struct ModelPrompt: Sendable, Decodable {
    public let version: String
    let zh: String
    let en: String

    /// How the model engine is told to read a message: the knowledge's `{findings}`.
    public static let understanding = shipped("understanding-prompt", placeholders: ["{findings}"])
    /// How the model is told to answer from one entry: its `{id}` and text (`{entry}`).
    public static let answer = shipped("answer-prompt", placeholders: ["{id}", "{entry}"])

    /// The prompt file `name` shipped with the module; a broken one stops start-up.
    static func shipped(_ name: String, placeholders: [String]) -> ModelPrompt {
        do {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json") else { throw CocoaError(.fileNoSuchFile) }
            return try load(try Data(contentsOf: url), name: name, placeholders: placeholders)
        } catch {
            fatalError("the shipped prompt \(name) does not load: \(error)")
        }
    }

    /// A prompt file, checked: a version, and both languages naming each of `placeholders`.
    public static func load(_ data: Data, name: String, placeholders: [String]) throws -> ModelPrompt {
        let prompt = try JSONDecoder().decode(ModelPrompt.self, from: data)
        guard !prompt.version.isEmpty, [prompt.zh, prompt.en].allSatisfy({ text in placeholders.allSatisfy(text.contains) }) else {
            throw KnowledgeError(
                file: name + ".json", line: 0, message: "a version and \(placeholders.joined(separator: ", ")) in zh and en are needed")
        }
        return prompt
    }

    /// The prompt in `language` with each `{key}` of `values` replaced by its value.
    func text(_ language: Language, filling values: [String: String]) -> String {
        values.reduce(language == .en ? en : zh) { text, value in text.replacingOccurrences(of: "{\(value.key)}", with: value.value) }
    }
}
