import Foundation
import Testing
@testable import Clinical

/// The record's diseases, tests and medicines are data: the shipped file loads, and a broken line names its line.
struct RecordTermsTests {
    @Test func theShippedTermsLoadInBothLanguages() {
        let terms = RecordTerms.shipped
        let hypertension = terms.of(.disease).first { $0.zh == "高血压" }
        #expect(hypertension?.chronic == true && hypertension?.en == "hypertension")
        #expect(terms.sayings(.medicine, language: "en").contains { $0.said == "tylenol" && $0.name == "acetaminophen" })
        #expect(terms.sayings(.test, language: "zh").contains { $0.said == "胸部正位片" && $0.name == "胸片" })
    }

    @Test(arguments: [
        (#"{"kind": "pet", "zh": "猫", "en": "cat"}"#, "unknown kind"),
        (#"{"kind": "disease", "zh": "", "en": "gout"}"#, "empty"),
        (#"{"kind": "test", "zh": "血常规", "en": "cbc", "chronic": true}"#, "only a disease is chronic"),
        (#"{"kind": "disease", "zh": "感冒", "en": "cold", "say": {"zh": ["伤风"]}}"#, "\"伤风\" is said of 痛风 already"),
        (#"{"kind": "disease", "zh": "感冒", "en": "cold""#, "not valid JSON"),
    ])
    func aBrokenLineIsNamed(line: String, message: String) {
        let first = #"{"kind": "disease", "zh": "痛风", "en": "gout", "say": {"zh": ["伤风"]}}"#
        #expect {
            try RecordTerms.load(KnowledgeFile(name: "record-terms.test.jsonl", text: first + "\n" + line))
        } throws: { error in
            guard let error = error as? KnowledgeError else { return false }
            return error.file == "record-terms.test.jsonl" && error.line == 2 && error.message.contains(message)
        }
    }
}
