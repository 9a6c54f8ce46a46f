import Clinical
import Foundation

/// The words the conversation acts on besides the clinical ones — what a message asks for, places, parts of the day,
/// days, weeks, weekdays and choices — loaded from `Knowledge/conversation-words.jsonl` and validated: a broken line
/// stops loading with its file and line. Words are normalised as messages are, so they compare byte for byte.
struct ConversationWords: Sendable {
    /// How an intent's words must appear in the message.
    enum Match: String, Decodable, Sendable {
        /// Anywhere in the message.
        case anywhere
        /// The message starts with the word.
        case start
        /// The message is the word, starts with it and a comma, or is at most four characters longer, once the
        /// courtesies at its ends are set aside (`fillers`: yes please, 好的谢谢).
        case short
        /// The message is the word.
        case whole
    }

    /// When an intent's words count.
    enum Condition: String, Decodable, Sendable {
        /// Only when a place is named (在哪 asks for directions to it).
        case place
        /// Only when the message says nothing about symptoms (好 answers a question; 好疼 does not).
        case noComplaint = "no_complaint"
    }

    struct IntentRule: Sendable {
        let intent: Utterance.Intent
        let match: Match
        let condition: Condition?
        let words: [String]
    }

    struct Worded<Value: Sendable>: Sendable {
        let value: Value
        let words: [String]
    }

    /// Tried in order; the first rule that fits gives the intent.
    let intents: [IntentRule]
    let places: [Worded<String>]
    let periods: [Worded<String>]
    /// Days from today, in order (大后天 before 后天).
    let days: [Worded<Int>]
    /// Week words before a weekday: `true` for next week's. Chinese ones come right before the weekday character.
    let weeks: [Worded<Bool>]
    /// Weekday characters after a Chinese week word (一 → 1, 日 → 7).
    let chineseWeekdays: [Character: Int]
    /// English weekday names (monday → 1).
    let englishWeekdays: [Worded<Int>]
    let choices: [Worded<Int>]
    /// Courtesies and particles at either end of a short answer that do not change it (please, thanks, 谢谢, 吧).
    let fillers: [String]

    /// The words shipped with the module.
    static let shipped: ConversationWords = {
        do {
            return try load(try KnowledgeFile.read(fileName, in: Bundle.module.resourceURL!), normalizer: ClinicalKnowledge.shipped.normalizer)
        } catch {
            fatalError("the shipped conversation words do not load: \(error)")
        }
    }()

    static let fileName = "conversation-words.jsonl"

    /// The words in `file`, normalised with `normalizer`.
    static func load(_ file: KnowledgeFile, normalizer: TextNormalizer) throws -> ConversationWords {
        var builder = ConversationWordsBuilder(file: file.name, normalizer: normalizer)
        for (line, entry) in try file.entries(ConversationWordsBuilder.Line.self) { try builder.add(entry, line: line) }
        return builder.words
    }
}
