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
        var format = ModelConfiguration.ResponseFormat.jsonSchema
        var body = try requestBody(transcript: transcript, template: request.template, format: format)
        var failure = ""
        var attempt = 0
        while attempt <= configuration.retries {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(250 * attempt)) }
            attempt += 1
            do {
                let answer = try await ask(body)
                return draft(from: answer, request: request, redactor: redactor)
            } catch let error as ModelFailure {
                failure = error.description
                // A server that does not know OpenAI's json_schema format is asked again in the other dialect, once.
                if error.refusedFormat, format == .jsonSchema {
                    format = .jsonObject
                    body = try requestBody(transcript: transcript, template: request.template, format: format)
                    attempt -= 1
                    continue
                }
                // Only failures that a second try can mend are retried.
                guard error.retryable else { break }
            }
        }
        logger.warning("model draft fell back to the built-in engine", metadata: ["reason": "\(failure)"])
        var draft = fallback.draftNow(request)
        draft.engine.fallbackReason = "model \(configuration.model): \(failure)"
        return draft
    }

    /// The chat-completions request for a transcript already redacted.
    private func requestBody(transcript: String, template: DraftTemplate, format: ModelConfiguration.ResponseFormat) throws -> Data {
        var payload: [String: Any] = [
            "model": configuration.model,
            "temperature": 0,
            "max_tokens": configuration.maxTokens,
            "stream": false,
            "messages": [
                ["role": "system", "content": ModelDraftFormat.instructions(for: template)],
                ["role": "user", "content": transcript],
            ],
        ]
        let schema = ModelDraftFormat.schema(for: template)
        payload["response_format"] =
            switch format {
            case .jsonSchema: ["type": "json_schema", "json_schema": ["name": "record_draft", "strict": true, "schema": schema]] as [String: Any]
            case .jsonObject: ["type": "json_object", "schema": schema] as [String: Any]
            }
        return try JSONSerialization.data(withJSONObject: payload)
    }

    private func ask(_ body: Data) async throws -> ModelDraftFormat.Answer {
        var request = HTTPClientRequest(url: configuration.baseURL + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key = configuration.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        request.body = .bytes(ByteBuffer(data: body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: configuration.timeout)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ModelFailure(description: "timed out", retryable: true)
        } catch {
            throw ModelFailure(description: "unreachable", retryable: true)
        }
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: 8 << 20)
        } catch {
            throw ModelFailure(description: "timed out", retryable: true)
        }
        let status = response.status.code
        guard status == 200 else {
            let refusedFormat = (400...500).contains(status) && String(buffer: bytes).contains("response_format")
            throw ModelFailure(
                description: "HTTP \(status)", retryable: status >= 500 || status == 429 || status == 408, refusedFormat: refusedFormat)
        }
        guard let completion = try? JSONDecoder().decode(Completion.self, from: Data(buffer: bytes)),
            let content = completion.choices.first?.message.content
        else { throw ModelFailure(description: "not a chat completion", retryable: true) }
        guard let answer = try? JSONDecoder().decode(ModelDraftFormat.Answer.self, from: Data(Self.jsonPart(of: content).utf8)) else {
            throw ModelFailure(description: "answer is not the draft JSON", retryable: true)
        }
        return answer
    }

    /// Models sometimes wrap JSON in a code fence or put raw control characters (newlines) inside strings; the
    /// object is what counts, and a control character reads as a space.
    static func jsonPart(of content: String) -> String {
        let cleaned = String(String.UnicodeScalarView(content.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        guard let start = cleaned.firstIndex(of: "{"), let end = cleaned.lastIndex(of: "}"), start < end else { return cleaned }
        return String(cleaned[start...end])
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

    private struct Completion: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { let content: String? }
            let message: Message
        }

        let choices: [Choice]
    }
}

/// Why one attempt at the model failed.
struct ModelFailure: Error, CustomStringConvertible {
    let description: String
    let retryable: Bool
    /// The server refused the `response_format` dialect (and may accept the other one).
    var refusedFormat = false
}
