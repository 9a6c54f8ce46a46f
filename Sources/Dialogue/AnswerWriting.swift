import Foundation
import Logging
import Metrics
import ModelRuntime
import NIOCore

/// Writes the answer to a question about the hospital from the knowledge entry retrieved for it; nil keeps the
/// entry's own words.
public protocol AnswerWriting: Sendable {
    func answer(_ question: String, from entry: KnowledgeBase.Answer, language: Language, at hospital: HospitalContext?) async -> String?
}

/// Answers in a model's words, grounded in the one entry retrieved for the question (the built-in retrieval): the
/// model must cite that entry, and its text must pass `ReplyRails` (no number, dose, illness or promise the entry
/// does not hold). Anything else — an empty or invalid answer, a wrong citation, a late or failed request — keeps the
/// entry's own words, counted (`companion_model_answer_fallbacks_total`) and logged without the question.
public struct ModelAnswerWriter: AnswerWriting {
    let client: ChatCompletionClient
    let prompt: ModelPrompt
    let rails: ReplyRails
    let budget: TimeAmount
    let logger: Logger

    public init(
        client: ChatCompletionClient, budget: TimeAmount = .seconds(3), prompt: ModelPrompt = .answer, rails: ReplyRails = .shipped,
        logger: Logger = Logger(label: "companion.answers")
    ) {
        self.client = client
        self.prompt = prompt
        self.rails = rails
        self.budget = budget
        self.logger = logger
    }

    public func answer(_ question: String, from entry: KnowledgeBase.Answer, language: Language, at hospital: HospitalContext?) async -> String? {
        let schema: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["text", "cites"],
            "properties": [
                "text": ["type": "string", "maxLength": 400],
                "cites": ["type": "array", "minItems": 1, "maxItems": 1, "items": ["type": "string", "enum": [entry.id]]],
            ] as [String: Any],
        ]
        let reason: String
        do {
            let written = try await client.ask(
                Written.self, system: prompt.text(language, filling: ["id": entry.id, "entry": entry.text], at: hospital), user: question,
                schema: schema,
                name: "answer", retries: 0, timeout: budget, maxTokens: 600)
            let text = written.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                reason = "no answer"
            } else if written.cites != [entry.id] {
                reason = "wrong citation"
            } else if !rails.allows(text, sources: [entry.text]) {
                reason = "failed the rails"
            } else {
                return text
            }
        } catch {
            reason = (error as? ModelFailure)?.description ?? "failed"
        }
        Counter(label: "companion_model_answer_fallbacks_total", dimensions: [("reason", reason)]).increment()
        logger.notice("model answer not used; the entry's words instead", metadata: ["reason": "\(reason)", "entry": "\(entry.id)"])
        return nil
    }

    struct Written: Decodable {
        let text: String
        let cites: [String]
    }
}
