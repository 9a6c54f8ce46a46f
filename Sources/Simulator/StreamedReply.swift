import Foundation
import OpenAPIRuntime

/// A reply that came as server-sent events (`Accept: text/event-stream`): its sentences in the order they came,
/// any problem the stream reported, the whole reply at the end, and when the first sentence arrived.
public struct StreamedReply: Sendable {
    public var sentences: [Components.Schemas.ReplySentence] = []
    public var problems: [Components.Schemas.Problem] = []
    /// The `reply` event; nil when the stream ended without one.
    public var reply: Components.Schemas.Reply?
    /// Milliseconds from sending the message to the first sentence (with its speech, when speech was asked for).
    public var firstSentenceMs: Double?

    /// What is wrong with the stream as the contract describes it; empty when it holds.
    public func contractFailures(spoken: Bool) -> [String] {
        guard let reply else { return ["stream: ended without a reply event"] }
        var failures: [String] = []
        if sentences.map(\.text).joined() != reply.text { failures.append("stream: the sentences joined are not the reply's text") }
        if sentences.map(\.index) != Array(sentences.indices) { failures.append("stream: sentences out of order") }
        if spoken, let silent = sentences.first(where: { $0.speech == nil && $0.text.contains { $0.isLetter || $0.isNumber } }) {
            failures.append("stream: sentence \(silent.index) came without speech")
        }
        failures += problems.map { "stream: error event \($0.code)" }
        return failures
    }
}

extension PatientSession {
    /// Says something and reads the reply as it streams; `onSentence` sees each sentence as it comes.
    public func sayStreaming(
        _ text: String, in conversationId: String, speech: String? = nil,
        onSentence: @Sendable (Components.Schemas.ReplySentence) -> Void = { _ in }
    ) async throws -> StreamedReply {
        let sent = ContinuousClock.now
        let answered = try await client.sendMessage(
            path: .init(conversationId: conversationId), headers: .init(accept: [.init(contentType: .textEventStream)]),
            body: .json(.init(text: text, speech: speech.map { .init(format: $0) })))
        let body: HTTPBody
        switch answered {
        case .ok(let ok):
            guard case .textEventStream(let stream) = ok.body else { throw SimulatorError("asked for a stream, got JSON") }
            body = stream
        case .default(let status, let problem):
            let detail = (try? problem.body.applicationProblemJson.detail) ?? nil
            throw SimulatorError("HTTP \(status): \(detail ?? "refused")")
        }
        var streamed = StreamedReply()
        for try await event in body.asDecodedServerSentEvents() {
            let data = Data((event.data ?? "").utf8)
            switch event.event {
            case "sentence":
                let sentence = try Self.decoder.decode(Components.Schemas.ReplySentence.self, from: data)
                if streamed.sentences.isEmpty { streamed.firstSentenceMs = (ContinuousClock.now - sent).inSeconds * 1000 }
                streamed.sentences.append(sentence)
                onSentence(sentence)
            case "reply": streamed.reply = try Self.decoder.decode(Components.Schemas.MessageReply.self, from: data).reply
            case "error": streamed.problems.append(try Self.decoder.decode(Components.Schemas.Problem.self, from: data))
            default: continue
            }
        }
        return streamed
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
