import Foundation
import Hummingbird
import Logging
import NIOCore

/// A stand-in for an OpenAI-compatible server that answers `POST /v1/chat/completions` from a script: a valid
/// draft, a draft with invented statements, malformed JSON, a slow answer, or an HTTP error. It keeps every request
/// body so tests can see what left the server.
public actor ScriptedModelServer {
    public enum Step: Sendable {
        case answer(String)
        case raw(String)
        case slow(Duration)
        case status(Int)
        /// Refuses OpenAI's json_schema format the way llama-cpp-python's server does (a 500 naming the field).
        case refuseFormat
    }

    private var steps: [Step]
    public private(set) var requests: [String] = []

    public init(_ steps: [Step]) { self.steps = steps }

    func next(recording body: String) -> Step {
        requests.append(body)
        return steps.isEmpty ? .status(500) : steps.removeFirst()
    }

    /// Runs the server on a free loopback port while `body` runs; `body` gets the base URL.
    public static func run(_ steps: [Step], _ body: @escaping @Sendable (String, ScriptedModelServer) async throws -> Void) async throws {
        let script = ScriptedModelServer(steps)
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let text = String(buffer: try await request.body.collect(upTo: 1 << 22))
            switch await script.next(recording: text) {
            case .answer(let content):
                return Self.completion(content)
            case .raw(let content):
                return Self.completion(content)
            case .slow(let delay):
                try? await Task.sleep(for: delay)
                return Self.completion(#"{"sections":[]}"#)
            case .refuseFormat:
                let body = #"{"error":{"message":"1 validation error: ('body', 'response_format', 'type') Input should be 'text' or 'json_object'"}}"#
                return Response(status: .internalServerError, headers: Self.closing, body: .init(byteBuffer: ByteBuffer(string: body)))
            case .status(let code):
                return Response(
                    status: .init(code: code), headers: Self.closing, body: .init(byteBuffer: ByteBuffer(string: #"{"error":"scripted"}"#)))
            }
        }
        // Not Hummingbird's test client: its fixed 5-s connect timed out under the suite's start-up load.
        try await LoopbackServer.run(router, logger: Logger(label: "scripted-model-server")) { port in
            try await body("http://127.0.0.1:\(port)/v1", script)
        }
    }

    /// Every answer closes its connection, so each scripted step is answered on a connection of its own.
    private static var closing: HTTPFields {
        var headers = HTTPFields()
        headers[.connection] = "close"
        return headers
    }

    private static func completion(_ content: String) -> Response {
        let payload: [String: Any] = [
            "id": "chatcmpl-test", "object": "chat.completion", "model": "scripted",
            "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": content]]],
        ]
        let data = try! JSONSerialization.data(withJSONObject: payload)
        var headers = closing
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
