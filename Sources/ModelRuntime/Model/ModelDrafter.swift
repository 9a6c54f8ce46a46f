import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Where the model server is and how patiently to ask it.
public struct ModelConfiguration: Sendable {
    /// The OpenAI-compatible base URL, e.g. `http://127.0.0.1:8000/v1`.
    public var baseURL: String
    public var model: String
    public var apiKey: String?
    /// Per attempt.
    public var timeout: TimeAmount
    /// Attempts after the first, for timeouts, connection failures, 5xx, 429 and malformed answers.
    public var retries: Int
    public var maxTokens: Int

    /// How a server is asked for schema-constrained JSON.
    public enum ResponseFormat: String, Sendable {
        /// OpenAI's `{"type": "json_schema", "json_schema": {…}}` (vLLM, Ollama, llama.cpp's own server).
        case jsonSchema = "json_schema"
        /// `{"type": "json_object", "schema": {…}}` (llama-cpp-python's server).
        case jsonObject = "json_object"
    }

    public init(baseURL: String, model: String, apiKey: String? = nil, timeout: TimeAmount = .seconds(60), retries: Int = 2, maxTokens: Int = 2_000) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.retries = retries
        self.maxTokens = maxTokens
    }
}

/// Drafts with any OpenAI-compatible chat-completions server (vLLM, llama.cpp server, Ollama). Identifiers are
/// replaced by placeholders before the request and restored in the answer; the answer is constrained by a JSON
/// schema; every statement is checked against the transcript and kept with the flag `unsupported` when nothing
/// supports it. When the server fails (after bounded retries) the built-in engine drafts instead, and the draft
/// says so.
public struct ModelDrafter: DraftingEngine {
    public static let version = "1.0.0"
    public let configuration: ModelConfiguration
    public var info: EngineInfo { EngineInfo(name: "model", model: configuration.model, version: Self.version) }
    let fallback: BuiltInDrafter
    let client: HTTPClient
    let logger: Logger

    public init(configuration: ModelConfiguration, client: HTTPClient = .shared, logger: Logger = Logger(label: "companion.model")) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
        fallback = BuiltInDrafter()
    }

    public func draft(_ request: DraftRequest) async throws -> Draft {
        var redactor = PHIRedactor(knownNames: request.knownNames)
        let transcript = ModelDraftFormat.transcript(request.transcript, redactor: &redactor)
        do {
            let answer = try await ChatCompletionClient(configuration: configuration, client: client).ask(
                ModelDraftFormat.Answer.self, system: ModelDraftFormat.instructions(for: request.template), user: transcript,
                schema: ModelDraftFormat.schema(for: request.template), name: "record_draft")
            return draft(from: answer, request: request, redactor: redactor)
        } catch {
            logger.warning("model draft fell back to the built-in engine", metadata: ["reason": "\(error)"])
            var draft = fallback.draftNow(request)
            draft.engine.fallbackReason = "model \(configuration.model): \(error)"
            return draft
        }
    }

    /// The draft from the model's answer: placeholders restored, every statement checked against the transcript.
    func draft(from answer: ModelDraftFormat.Answer, request: DraftRequest, redactor: PHIRedactor) -> Draft {
        let verifier = StatementVerifier(transcript: request.transcript)
        let separator = request.template == .zhOutpatient ? "，" : " "
        let ending = request.template == .zhOutpatient ? "。" : ""
        let sections = request.template.sections.map { layout -> DraftSection in
            let statements = answer.sections.filter { $0.key == layout.key }.flatMap(\.statements).compactMap { said -> DraftStatement? in
                let text = redactor.restore(said.text).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { return nil }
                let checked = verifier.check(text: text, quote: said.quote.map(redactor.restore), turn: said.turn)
                return DraftStatement(text: text, evidence: checked.evidence, flags: checked.flags)
            }
            let text = statements.isEmpty ? layout.whenEmpty : BuiltInDrafter.joined(statements.map(\.text), separator: separator, ending: ending)
            return DraftSection(key: layout.key, title: layout.title, text: text, statements: statements)
        }
        return Draft(template: request.template, engine: info, sections: sections)
    }
}
