import Clinical
import Foundation

/// Instructions for a model, per language and versioned, with `{placeholders}` filled in at each request. Data:
/// `Knowledge/understanding-prompt.json` (reading a message) and `Knowledge/answer-prompt.json` (answering a
/// question from the hospital's entry).
public struct ModelPrompt: Sendable, Decodable {
    /// A text in both languages.
    struct Texts: Sendable, Decodable {
        let zh: String
        let en: String
    }

    public let version: String
    let zh: String
    let en: String
    /// What `{hospital}` becomes when the conversation is with a hospital: its `{name}` and `{departments}`.
    let hospital: Texts

    /// How the model engine is told to read a message: the knowledge's `{findings}`, the `{hospital}`.
    public static let understanding = shipped("understanding-prompt", placeholders: ["{findings}", "{hospital}"])
    /// How the model is told to answer from one entry: its `{id}` and text (`{entry}`), the `{hospital}`.
    public static let answer = shipped("answer-prompt", placeholders: ["{id}", "{entry}", "{hospital}"])

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
        guard [prompt.hospital.zh, prompt.hospital.en].allSatisfy({ $0.contains("{name}") && $0.contains("{departments}") }) else {
            throw KnowledgeError(file: name + ".json", line: 0, message: "hospital needs {name} and {departments} in zh and en")
        }
        return prompt
    }

    /// The prompt in `language` with each `{key}` of `values` replaced by its value, and the hospital named.
    func text(_ language: Language, filling values: [String: String], at hospital: HospitalContext?) -> String {
        text(text(language, filling: values), language: language, at: hospital)
    }

    /// The prompt in `language` with `values` filled in and `{hospital}` left for `text(_:language:at:)`.
    func text(_ language: Language, filling values: [String: String]) -> String { Self.fill(language.pick(zh, en), values) }

    /// A prompt already filled in with all but `{hospital}`, with the hospital named (nothing when there is none).
    func text(_ filled: String, language: Language, at hospital: HospitalContext?) -> String {
        let named = hospital.map { hospital in
            Self.fill(
                language.pick(self.hospital.zh, self.hospital.en),
                [
                    "name": hospital.name.pick(language),
                    "departments": hospital.departments.map { $0.pick(language) }.joined(separator: language.pick("、", ", ")),
                ])
        }
        return Self.fill(filled, ["hospital": named ?? ""])
    }

    private static func fill(_ text: String, _ values: [String: String]) -> String {
        values.reduce(text) { text, value in text.replacingOccurrences(of: "{\(value.key)}", with: value.value) }
    }
}
