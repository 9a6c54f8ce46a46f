import Clinical
import Testing

@testable import Dialogue

@Suite struct ConversationWordsTests {
    private let normalizer = ClinicalKnowledge.shipped.normalizer

    @Test func theShippedWordsLoad() {
        let words = ConversationWords.shipped
        #expect(words.intents.count > 10 && words.places.count == 7 && words.chineseWeekdays["日"] == 7)
    }

    /// Words are normalised as messages are: full-width and capital letters compare as the message's do.
    @Test func wordsAreNormalisedAsMessagesAre() throws {
        let file = KnowledgeFile(name: "w.jsonl", text: #"{"kind": "place", "place": "lab", "say": {"en": ["Ｌａｂ Room"]}}"#)
        #expect(try ConversationWords.load(file, normalizer: normalizer).places.first?.words == ["lab room"])
    }

    @Test(arguments: [
        (#"{"kind": "intent", "match": "anywhere", "say": {"zh": ["挂号"]}}"#, "needs \"intent\""),
        (#"{"kind": "intent", "intent": "book", "match": "somewhere", "say": {"zh": ["挂号"]}}"#, "bad value at match"),
        (#"{"kind": "intent", "intent": "dance", "match": "anywhere", "say": {"zh": ["挂号"]}}"#, "bad value at intent"),
        (#"{"kind": "weekday", "day": 8, "say": {"zh": ["八"]}}"#, "1 (Monday) to 7"),
        (#"{"kind": "weekday", "day": 1, "say": {"zh": ["周一"]}}"#, "one character"),
        (#"{"kind": "place", "place": "lab", "say": {"fr": ["laboratoire"]}}"#, "zh and en only"),
        (#"{"kind": "place", "place": "lab", "say": {"zh": [""]}}"#, "none empty"),
        (#"{"kind": "colour", "say": {"zh": ["红"]}}"#, "unknown kind"),
    ])
    func aBrokenLineNamesItself(line: String, message: String) {
        let file = KnowledgeFile(name: "w.jsonl", text: "# words\n" + #"{"kind": "day", "days": 1, "say": {"zh": ["明天"]}}"# + "\n" + line)
        do {
            _ = try ConversationWords.load(file, normalizer: normalizer)
            Issue.record("loaded \(line)")
        } catch let error as KnowledgeError {
            #expect(error.file == "w.jsonl" && error.line == 3 && error.message.contains(message), "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
