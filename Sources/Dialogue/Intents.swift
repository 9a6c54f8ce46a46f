import Foundation
import ModelRuntime

/// What a message asks for, from the conversation words' intent rules: the first rule that fits wins. Red flags are
/// not decided here (they come from the symptoms and win over any intent).
enum Intents {
    static func classify(_ text: SearchableText, utterance: Utterance, words: ConversationWords) -> Utterance.Intent {
        let complaint = !utterance.facts.symptoms.isEmpty || !utterance.facts.negated.isEmpty
        for rule in words.intents {
            switch rule.condition {
            case .place?: if utterance.placeKind == nil { continue }
            case .noComplaint?: if complaint { continue }
            case nil: break
            }
            if rule.words.contains(where: { fits($0, rule.match, text: text) }) { return rule.intent }
        }
        return .statement
    }

    private static func fits(_ word: String, _ match: ConversationWords.Match, text: SearchableText) -> Bool {
        let bare = text.bare
        return switch match {
        case .anywhere: text.includes(word)
        case .start: bare.hasPrefix(word)
        case .whole: bare == word
        case .short:
            bare == word || bare.hasPrefix(word + ",") || bare.hasPrefix(word + "，") || (bare.hasPrefix(word) && bare.count <= word.count + 4)
        }
    }
}
