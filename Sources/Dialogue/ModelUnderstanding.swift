import Clinical
import Foundation
import Logging
import Metrics
import ModelRuntime
import NIOCore
import Synchronization

/// Understanding with a language model behind it (any OpenAI-compatible server the hospital runs), under rails that
/// do not depend on it: the built-in engine reads every message first, and the model may only add to that reading
/// (findings by the knowledge's codes — only alarming ones where the built-in engine found findings itself — an
/// intent where the built-in one saw none, numbers it did not find), each checked against the schema's bounds. The red flags then run on the merged findings, so either reading raises an
/// emergency; replies stay the policy's. An answer that is invalid, late (the per-turn budget) or failing leaves the
/// built-in reading alone for that turn, counted (`companion_model_understanding_fallbacks_total`) and logged
/// without the patient's words.
public struct ModelUnderstanding: Understanding {
    let builtIn: BuiltInUnderstanding
    let client: ChatCompletionClient
    let prompt: ModelPrompt
    /// The instructions per language, with the codes listed: made once, sent with every turn.
    let instructions: [Language: String]
    let budget: TimeAmount
    let codes: [(id: String, zh: String, en: String)]
    let codeSet: Set<String>
    /// The codes some red-flag rule reads.
    let alarming: Set<String>
    let periods: [String]
    let tally: FallbackTally
    let logger: Logger

    /// `budget` bounds each turn's wait for the model.
    public init(
        client: ChatCompletionClient, budget: TimeAmount = .seconds(3), knowledge: ClinicalKnowledge = .shipped,
        prompt: ModelPrompt = .understanding, logger: Logger = Logger(label: "companion.understanding")
    ) {
        builtIn = BuiltInUnderstanding()
        self.client = client
        self.prompt = prompt
        self.budget = budget
        let codes = knowledge.concepts.values.filter { [.finding, .disease, .condition].contains($0.kind) }.sorted { $0.id < $1.id }
            .map { (id: $0.id, zh: $0.zh, en: $0.en) }
        self.codes = codes
        instructions = Dictionary(
            uniqueKeysWithValues: Language.allCases.map { language in
                let findings = codes.map { "\($0.id): \(language == .en ? $0.en : $0.zh)" }.joined(separator: "\n")
                return (language, prompt.text(language, filling: ["findings": findings]))
            })
        codeSet = Set(codes.map(\.id))
        alarming = Set(knowledge.redFlags.flatMap { $0.all + ($0.any ?? []) })
        periods = ConversationWords.shipped.periods.map(\.value)
        tally = FallbackTally()
        self.logger = logger
    }

    /// Enough for the reading of one message; a rambling model is cut off rather than waited for.
    static let maxTokens = 1_000

    /// Which engine, model and prompt understood a turn, for the turn's record.
    public var engine: String { "model \(client.configuration.model) prompt \(prompt.version)" }

    /// Turns the model's answer could not be used for, since start.
    public var fallbacks: Int { tally.count.load(ordering: .relaxed) }

    public func understand(_ text: String, today: Today) async -> Utterance {
        await understand(text, today: today, at: nil)
    }

    public var readsHospital: Bool { true }

    public func understand(_ text: String, today: Today, at hospital: HospitalContext?) async -> Utterance {
        let own = builtIn.understand(text, today: today)
        do {
            let system = prompt.text(instructions[own.language] ?? "", language: own.language, at: hospital)
            let answer = try await client.ask(
                ModelReading.self, system: system, user: text,
                schema: ModelReading.schema(codes: codes.map(\.id), periods: periods), name: "understanding", retries: 0, timeout: budget,
                maxTokens: Self.maxTokens)
            var utterance = answer.merged(into: own, codes: codeSet, alarming: alarming, periods: Set(periods))
            utterance.understoodBy = engine
            return utterance
        } catch {
            // The reason only: the message is health data and stays out of the log.
            let reason = (error as? ModelFailure)?.description ?? "failed"
            tally.count.add(1, ordering: .relaxed)
            Counter(label: "companion_model_understanding_fallbacks_total", dimensions: [("reason", reason)]).increment()
            logger.warning("model understanding fell back to the built-in engine", metadata: ["reason": "\(reason)"])
            var fallback = own
            fallback.understoodBy = "builtin (model fell back: \(reason))"
            return fallback
        }
    }
}

/// How many turns fell back, shared by the copies of one engine.
final class FallbackTally: Sendable {
    let count = Atomic<Int>(0)
}
