import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// An OpenAI-compatible chat-completions server asked for one JSON object under a schema: in OpenAI's `json_schema`
/// dialect, and once more in `json_object` + `schema` when the server refuses that one (llama-cpp-python); bounded
/// retries for what a second try can mend (timeouts, connection failures, 5xx, 429, malformed answers).
public struct ChatCompletionClient: Sendable {
    public let configuration: ModelConfiguration
    let client: HTTPClient

    public init(configuration: ModelConfiguration, client: HTTPClient = .shared) {
        self.configuration = configuration
        self.client = client
    }

    /// The answer to `system` and `user`, decoded from the JSON the model wrote under `schema` (named `name`);
    /// `retries`, `timeout` and `maxTokens` default to the configuration's. Throws `ModelFailure` with why the last
    /// attempt failed.
    public func ask<Answer: Decodable>(
        _ type: Answer.Type, system: String, user: String, schema: [String: Any], name: String, retries: Int? = nil,
        timeout: TimeAmount? = nil, maxTokens: Int? = nil
    ) async throws -> Answer {
        var format = ModelConfiguration.ResponseFormat.jsonSchema
        var failure = ModelFailure(description: "not asked", retryable: false)
        var attempt = 0
        while attempt <= retries ?? configuration.retries {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(250 * attempt)) }
            attempt += 1
            do {
                let body = try requestBody(
                    system: system, user: user, schema: schema, name: name, format: format, maxTokens: maxTokens ?? configuration.maxTokens)
                let content = try await post(body, timeout: timeout ?? configuration.timeout)
                guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(Self.jsonPart(of: content).utf8)) else {
                    throw ModelFailure(description: "answer is not the \(name) JSON", retryable: true)
                }
                return answer
            } catch let error as ModelFailure {
                failure = error
                // A server that does not know OpenAI's json_schema format is asked again in the other dialect, once.
                if error.refusedFormat, format == .jsonSchema {
                    format = .jsonObject
                    attempt -= 1
                    continue
                }
                guard error.retryable else { break }
            }
        }
        throw failure
    }

    private func requestBody(
        system: String, user: String, schema: [String: Any], name: String, format: ModelConfiguration.ResponseFormat, maxTokens: Int
    ) throws -> Data {
        var payload: [String: Any] = [
            "model": configuration.model, "temperature": 0, "max_tokens": maxTokens, "stream": false,
            "messages": [["role": "system", "content": system], ["role": "user", "content": user]],
        ]
        payload["response_format"] =
            switch format {
            case .jsonSchema: ["type": "json_schema", "json_schema": ["name": name, "strict": true, "schema": schema]] as [String: Any]
            case .jsonObject: ["type": "json_object", "schema": schema] as [String: Any]
            }
        return try JSONSerialization.data(withJSONObject: payload)
    }

    /// The message content of the server's completion.
    private func post(_ body: Data, timeout: TimeAmount) async throws -> String {
        var request = HTTPClientRequest(url: configuration.baseURL + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key = configuration.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        request.body = .bytes(ByteBuffer(data: body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
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
        return content
    }

    /// Models sometimes wrap JSON in a code fence or put raw control characters (newlines) inside strings; the
    /// object is what counts, and a control character reads as a space.
    static func jsonPart(of content: String) -> String {
        let cleaned = String(String.UnicodeScalarView(content.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        guard let start = cleaned.firstIndex(of: "{"), let end = cleaned.lastIndex(of: "}"), start < end else { return cleaned }
        return String(cleaned[start...end])
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
public struct ModelFailure: Error, CustomStringConvertible {
    public let description: String
    let retryable: Bool
    /// The server refused the `response_format` dialect (and may accept the other one).
    var refusedFormat = false
}
