import Clinical
import Foundation

/// What a reply written by a model may not hold unless the hospital's own entry it answers from holds it too: a
/// number, a dose, an illness, a promise. Words are data (`Knowledge/reply-rails.json`; illnesses from the record
/// terms); a reply that fails is replaced by the built-in wording.
public struct ReplyRails: Sendable, Decodable {
    public let version: String
    let doseWords: [String]
    let promiseWords: [String]

    /// The rails shipped with the module; a broken file stops start-up.
    public static let shipped: ReplyRails = {
        do {
            guard let url = Bundle.module.url(forResource: "reply-rails", withExtension: "json") else { throw CocoaError(.fileNoSuchFile) }
            let rails = try JSONDecoder().decode(ReplyRails.self, from: Data(contentsOf: url))
            guard !rails.version.isEmpty, !rails.doseWords.isEmpty, !rails.promiseWords.isEmpty else {
                throw KnowledgeError(file: "reply-rails.json", line: 0, message: "a version and both word lists are needed")
            }
            return rails
        } catch {
            fatalError("the shipped reply rails do not load: \(error)")
        }
    }()

    /// Illnesses by every way they are said, in both languages.
    static let illnesses = RecordTerms.shipped.of(.disease).flatMap { ($0.said["zh"] ?? []) + ($0.said["en"] ?? []) }.map { $0.lowercased() }

    /// Whether `text` says nothing sensitive that `sources` do not: every number, dose word, illness and promise in
    /// it must be in one of them.
    public func allows(_ text: String, sources: [String]) -> Bool {
        let written = Self.words(text), said = sources.map(Self.words)
        func holds(_ text: String, _ word: String) -> Bool {
            // Latin words are whole words ("flu" is not in "fluid"); Chinese ones anywhere.
            word.allSatisfy(\.isASCII) ? text.contains(" " + Self.words(word).trimmingCharacters(in: .whitespaces) + " ") : text.contains(word)
        }
        for word in doseWords + promiseWords + Self.illnesses where holds(written, word) && !said.contains(where: { holds($0, word) }) {
            return false
        }
        return Self.numbers(in: text).allSatisfy { number in sources.contains { $0.contains(number) } }
    }

    /// Lowered, with what is not a letter or digit as single spaces, between spaces.
    static func words(_ text: String) -> String {
        " " + text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : " " }.joined().split(separator: " ").joined(separator: " ") + " "
    }

    /// Each run of digits (with decimal points) in `text`.
    static func numbers(in text: String) -> [String] {
        var runs: [String] = [], current = ""
        for character in text {
            if character.isASCII, character.isNumber || (character == "." && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                runs.append(current.hasSuffix(".") ? String(current.dropLast()) : current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current.hasSuffix(".") ? String(current.dropLast()) : current) }
        return runs
    }
}
