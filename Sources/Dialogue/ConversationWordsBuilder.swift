import Clinical

/// Builds `ConversationWords` line by line, refusing a line that lacks what its kind needs.
struct ConversationWordsBuilder {
    /// One line of the file; which fields it needs depends on `kind`.
    struct Line: Decodable {
        let kind: String
        let intent: Utterance.Intent?
        let match: ConversationWords.Match?
        let when: ConversationWords.Condition?
        let place: String?
        let period: String?
        let days: Int?
        let next: Bool?
        let day: Int?
        let index: Int?
        let say: [String: [String]]
    }

    let file: String
    let normalizer: TextNormalizer
    private var intents: [ConversationWords.IntentRule] = []
    private var places: [ConversationWords.Worded<String>] = []
    private var periods: [ConversationWords.Worded<String>] = []
    private var days: [ConversationWords.Worded<Int>] = []
    private var weeks: [ConversationWords.Worded<Bool>] = []
    private var chineseWeekdays: [Character: Int] = [:]
    private var englishWeekdays: [ConversationWords.Worded<Int>] = []
    private var choices: [ConversationWords.Worded<Int>] = []
    private var fillers: [String] = []

    init(file: String, normalizer: TextNormalizer) {
        self.file = file
        self.normalizer = normalizer
    }

    var words: ConversationWords {
        ConversationWords(
            intents: intents, places: places, periods: periods, days: days, weeks: weeks, chineseWeekdays: chineseWeekdays,
            englishWeekdays: englishWeekdays, choices: choices, fillers: fillers)
    }

    mutating func add(_ line: Line, line number: Int) throws {
        func fail(_ message: String) -> KnowledgeError { KnowledgeError(file: file, line: number, message: message) }
        func needed<Value>(_ value: Value?, _ field: String) throws -> Value {
            guard let value else { throw fail("a \(line.kind) needs \"\(field)\"") }
            return value
        }
        let said = try words(line.say, fail: fail)
        switch line.kind {
        case "intent":
            let intent = try needed(line.intent, "intent"), match = try needed(line.match, "match")
            intents.append(.init(intent: intent, match: match, condition: line.when, words: said))
        case "place": places.append(.init(value: try needed(line.place, "place"), words: said))
        case "period": periods.append(.init(value: try needed(line.period, "period"), words: said))
        case "day": days.append(.init(value: try needed(line.days, "days"), words: said))
        case "week": weeks.append(.init(value: try needed(line.next, "next"), words: said))
        case "weekday":
            let day = try needed(line.day, "day")
            guard (1...7).contains(day) else { throw fail("a weekday is 1 (Monday) to 7") }
            for word in line.say["zh"] ?? [] {
                guard let character = word.first, word.count == 1 else { throw fail("a Chinese weekday is one character") }
                chineseWeekdays[character] = day
            }
            englishWeekdays.append(.init(value: day, words: line.say["en"]?.map(normalized) ?? []))
        case "choice": choices.append(.init(value: try needed(line.index, "index"), words: said))
        case "filler": fillers += said
        default: throw fail("unknown kind \"\(line.kind)\"")
        }
    }

    private func words(_ say: [String: [String]], fail: (String) -> KnowledgeError) throws -> [String] {
        guard say.keys.allSatisfy({ $0 == "zh" || $0 == "en" }) else { throw fail("\"say\" has languages zh and en only") }
        let words = say.values.joined().map(normalized)
        guard !words.isEmpty, !words.contains(where: \.isEmpty) else { throw fail("\"say\" needs words, none empty") }
        return words
    }

    private func normalized(_ word: String) -> String { String(normalizer.normalize(word)) }
}
