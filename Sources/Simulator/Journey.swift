import Foundation
import Yams

/// A patient journey: who the patient is, then what they say and what the companion must answer. Read from YAML
/// (`fixtures/journeys/*.yaml`; the format is in the README).
public struct Journey: Decodable, Sendable {
    public struct Persona: Decodable, Sendable {
        public struct Patient: Decodable, Sendable {
            public let name: String
            public let gender: String
            public let birthDate: String
        }

        public let phone: String
        public let patients: [Patient]?
    }

    /// What a reply must show; every field given is checked.
    public struct Expectation: Decodable, Sendable {
        public let stage: String?
        public let level: String?
        public let department: String?
        public let card: String?
        public let action: String?
        public let textContains: String?
        /// The reply is spoken: audio that can be fetched, word marks and visemes.
        public let speech: Bool?
    }

    public struct Step: Decodable, Sendable {
        public let say: String
        /// Ask for the reply spoken in this format (mp3, opus, wav).
        public let speech: String?
        public let expect: Expectation?
    }

    public let name: String
    public let language: String?
    public let persona: Persona
    public let steps: [Step]

    /// Reads a journey file; a malformed one is refused with its line number.
    public static func load(_ url: URL) throws -> Journey {
        try parse(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }

    /// Reads a journey from YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> Journey {
        let url = URL(fileURLWithPath: file)
        do {
            return try YAMLDecoder().decode(Journey.self, from: text)
        } catch let error as YamlError {
            throw SimulatorError("\(url.lastPathComponent): \(error)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw SimulatorError("\(url.lastPathComponent): missing `\(key.stringValue)` at \(Self.path(context))\(Self.line(of: context, in: text))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            throw SimulatorError("\(url.lastPathComponent): \(context.debugDescription) at \(Self.path(context))\(Self.line(of: context, in: text))")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// The line of the step a decoding error is in: the step's `- ` line under `steps:`.
    private static func line(of context: DecodingError.Context, in text: String) -> String {
        guard context.codingPath.first?.stringValue == "steps", let step = context.codingPath.dropFirst().first?.intValue else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let steps = lines.firstIndex(where: { $0.hasPrefix("steps:") }) else { return "" }
        let stepLines = lines.enumerated().filter { $0.offset > steps && $0.element.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
        return step < stepLines.count ? " (line \(stepLines[step].offset + 1))" : ""
    }
}
