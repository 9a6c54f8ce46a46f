import Foundation

/// One answer to a common question about a hospital (opening hours, parking, 医保 …): the ways patients ask it and
/// the answer, in Chinese and English. The shipped entries are general; a hospital's settings add its own and replace
/// shipped ones with the same id.
public struct FAQEntry: Sendable, Codable, Equatable {
    /// The questions and the answer in one language.
    public struct Side: Sendable, Codable, Equatable {
        public let questions: [String]
        public let answer: String

        public init(questions: [String], answer: String) {
            self.questions = questions
            self.answer = answer
        }
    }

    public let id: String
    public let zh: Side
    public let en: Side

    public init(id: String, zh: Side, en: Side) {
        self.id = id
        self.zh = zh
        self.en = en
    }

    /// What is wrong with the entry (an id of lowercase letters, digits and `_`; 1–50 questions of at most 200
    /// characters and an answer of 1–1,000 in each language), or nil.
    public var problem: String? {
        let idCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789_")
        if id.isEmpty || id.count > 64 || !id.unicodeScalars.allSatisfy(idCharacters.contains) {
            return "the id is 1–64 lowercase letters, digits and _"
        }
        for (language, side) in [("zh", zh), ("en", en)] {
            if side.questions.isEmpty || side.questions.count > 50 { return "\(language): 1–50 questions" }
            if side.questions.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.count > 200 }) {
                return "\(language): a question is empty or longer than 200 characters"
            }
            if side.answer.trimmingCharacters(in: .whitespaces).isEmpty || side.answer.count > 1_000 {
                return "\(language): the answer is 1–1000 characters"
            }
        }
        return nil
    }
}
