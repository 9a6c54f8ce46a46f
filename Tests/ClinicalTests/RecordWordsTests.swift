import Foundation
import Testing
@testable import Clinical

/// The drafter's words are data: the shipped file loads, and a broken line stops loading naming its file and line.
struct RecordWordsTests {
    @Test func theShippedChineseWordsLoad() {
        let words = RecordWords.chinese
        #expect(words.symptoms.contains { $0.name == "发热" && $0.said.contains("发烧") })
        #expect(words.writtenAs["上感"] == "上呼吸道感染")
        #expect(words.advice.contains { $0.name == "多饮水" && $0.said.contains("多喝水") })
        #expect(words.routes.contains { $0.name == "滴眼" && $0.said.contains("滴眼液") })
        #expect(RecordWords.List.required(language: "zh").allSatisfy { !words[$0].isEmpty })
        #expect(RecordWords.List.required(language: "en").allSatisfy { !RecordWords.english[$0].isEmpty })
    }

    static let allLists = RecordWords.List.required(language: "zh").map {
        #"{"list": "\#($0.rawValue)", "words": ["\#(RecordWords.List.ofCharacters.contains($0) ? "吃" : "感冒")"]}"#
    }

    @Test(arguments: [
        (#"{"list": "pets", "words": ["猫"]}"#, "unknown list"),
        (#"{"symptom": "发热", "said": []}"#, "no words"),
        (#"{"symptom": "发热", "said": ["发烧", "发烧"]}"#, "a word given twice"),
        (
            #"{"symptom": "发热", "list": "tests", "said": ["发烧"]}"#,
            "one of symptom, site, quality, list, writtenAs, advice, route, course, testWrittenAs, vague or relative"
        ),
        (#"{"route": "眼", "said": ["滴眼液"]}"#, "a route is two characters"),
        (#"{"site": "腰", "said": ["腰"]}\#n{"site": "腰", "said": ["腰部"]}"#, "site \"腰\" given twice"),
        (#"{"writtenAs": "肺结核", "said": ["痨病"]}"#, "not in the diagnoses list"),
        (#"{"symptom": "发热", "said": ["发烧"]"#, "not valid JSON"),
    ])
    func aBrokenLineIsNamed(line: String, message: String) {
        let text = (Self.allLists + [line]).joined(separator: "\n")
        #expect {
            try RecordWords.load(KnowledgeFile(name: "record-words.test.jsonl", text: text))
        } throws: { error in
            guard let error = error as? KnowledgeError else { return false }
            let lastLine = Self.allLists.count + line.split(separator: "\n").count
            return error.file == "record-words.test.jsonl" && error.line == lastLine && error.message.contains(message)
        }
    }

    @Test func aListOfCharactersHoldsOneCharacterAWord() {
        let lines = Self.allLists.map { $0.contains(#""takingVerbs""#) ? #"{"list": "takingVerbs", "words": ["吃", "吃了"]}"# : $0 }
        let line = 1 + lines.firstIndex { $0.contains(#""takingVerbs""#) }!
        #expect(throws: KnowledgeError(file: "f.jsonl", line: line, message: "\"吃了\" is not one character (list \"takingVerbs\")")) {
            try RecordWords.load(KnowledgeFile(name: "f.jsonl", text: lines.joined(separator: "\n")))
        }
    }

    @Test func aMissingListIsNamed() {
        let text = Self.allLists.dropLast().joined(separator: "\n")
        let last = RecordWords.List.required(language: "zh").last!.rawValue
        #expect(throws: KnowledgeError(file: "f.jsonl", line: 0, message: "list \"\(last)\" is missing")) {
            try RecordWords.load(KnowledgeFile(name: "f.jsonl", text: text))
        }
    }
}
