import Foundation

/// One consultation: `{"id","lang","dialogue":[{"speaker","text"}],"reference":{section: text}}`, or, in the project's own
/// set, `"facts"` and `"never"` instead of a reference: per draft section key, the facts that must appear and the
/// statements that must not (each fact a list of acceptable wordings joined by `|`).
public struct Consultation: Sendable, Codable {
    public struct Line: Sendable, Codable {
        public var speaker: String
        public var text: String
    }

    public var id: String
    public var lang: String
    public var dialogue: [Line]
    public var reference: [String: String]?
    public var facts: [String: [String]]?
    public var never: [String: [String]]?

    /// The dialogue as a transcript; speakers other than doctor and patient become `other`.
    public var transcript: [TranscriptTurn] {
        dialogue.map { TranscriptTurn(speaker: Speaker(rawValue: $0.speaker).flatMap { $0 == .previsit ? nil : $0 } ?? .other, text: $0.text) }
    }

    /// The template for its language.
    public var template: DraftTemplate { lang == "en" ? .enSOAP : .zhOutpatient }

    /// Reads one consultation per line, naming the line of a malformed one.
    public static func readLines(_ data: Data) throws -> [Consultation] {
        let decoder = JSONDecoder()
        var result: [Consultation] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
            do {
                result.append(try decoder.decode(Consultation.self, from: Data(line)))
            } catch {
                throw ConsultationFileError(line: number + 1, reason: "\(error)")
            }
        }
        return result
    }
}

/// A line of a consultation file that is not a consultation.
public struct ConsultationFileError: Error, CustomStringConvertible {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): not a consultation (\(reason))" }
}
