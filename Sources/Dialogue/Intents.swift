import Foundation
import ModelRuntime

/// What a message asks for, from the conversation words' intent rules: the first rule that fits wins. Red flags are
/// not decided here (they come from the symptoms and win over any intent).
enum Intents {
    static func classify(_ text: SearchableText, utterance: Utterance, words: ConversationWords) -> Utterance.Intent {
        let complaint = !utterance.facts.symptoms.isEmpty || !utterance.facts.negated.isEmpty
        let core = core(of: text.bare, fillers: words.fillers)
        for rule in words.intents {
            switch rule.condition {
            case .place?: if utterance.placeKind == nil { continue }
            case .noComplaint?: if complaint { continue }
            case nil: break
            }
            if rule.words.contains(where: { fits($0, rule.match, text: text, core: core) }) { return rule.intent }
        }
        return .statement
    }

    /// The message without the courtesies at its ends ("yes please" → "yes", "好的，谢谢" → "好的"), a few at most, so
    /// the cost stays bounded by the message's length.
    static func core(of bare: String, fillers: [String]) -> String {
        func isSeparator(_ character: Character) -> Bool { character.isWhitespace || character.isPunctuation }
        func leavesWords(_ rest: Substring) -> Bool { rest.contains { !isSeparator($0) } }
        var core = Substring(bare)
        for _ in 0..<4 {
            let before = core
            if let filler = fillers.first(where: { core.hasSuffix($0) && leavesWords(core.dropLast($0.count)) }) {
                core = core.dropLast(filler.count)
            }
            if let filler = fillers.first(where: { core.hasPrefix($0) && leavesWords(core.dropFirst($0.count)) }) {
                core = core.dropFirst(filler.count)
            }
            while let last = core.last, isSeparator(last) { core = core.dropLast() }
            while let first = core.first, isSeparator(first) { core = core.dropFirst() }
            if core.startIndex == before.startIndex, core.endIndex == before.endIndex { break }
        }
        return String(core)
    }

    private static func fits(_ word: String, _ match: ConversationWords.Match, text: SearchableText, core: String) -> Bool {
        let bare = text.bare
        return switch match {
        case .anywhere: text.includes(word)
        case .start: bare.hasPrefix(word)
        case .whole: bare == word
        case .short:
            core == word || core.hasPrefix(word + ",") || core.hasPrefix(word + "，") || (core.hasPrefix(word) && core.count <= word.count + 4)
        }
    }
}
