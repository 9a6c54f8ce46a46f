import Dialogue
import Foundation
import Logging
import OpenAPIRuntime
import Speech

/// The server-sent events of a streamed reply (`Accept: text/event-stream`): each sentence as soon as its speech is
/// made, then the whole reply. Pulled one event at a time by the response writer, so a sentence is synthesised only
/// when the one before it has been sent, and nothing more is made once the client has gone.
struct ReplyEvents: AsyncSequence, Sendable {
    typealias Element = ServerSentEvent

    let reply: Reply
    /// Makes the speech of one sentence; nil when the reply is not to be spoken.
    let speak: (@Sendable (String) async throws -> SpeechResult)?

    func makeAsyncIterator() -> Iterator {
        Iterator(reply: reply, sentences: Sentences.split(reply.text), speak: speak)
    }

    struct Iterator: AsyncIteratorProtocol {
        let reply: Reply
        let sentences: [String]
        var speak: (@Sendable (String) async throws -> SpeechResult)?
        var index = 0
        var failure: ServerSentEvent?
        var finished = false

        mutating func next() async throws -> ServerSentEvent? {
            if let failure {
                self.failure = nil
                return failure
            }
            if index < sentences.count {
                let text = sentences[index]
                var speech: SpeechResult?
                if let speak, Sentences.isSpeakable(text) {
                    do {
                        speech = try await speak(text.trimmingCharacters(in: .whitespacesAndNewlines))
                    } catch {
                        // The rest is sent as text: the reply is already decided and stored.
                        self.speak = nil
                        failure = ReplyEvents.event("error", Self.problem(for: error))
                    }
                }
                defer { index += 1 }
                return ReplyEvents.event(
                    "sentence", Components.Schemas.ReplySentence(index: index, text: text, speech: speech.map(APIHandlers.speech)))
            }
            guard !finished else { return nil }
            finished = true
            return ReplyEvents.event("reply", Components.Schemas.MessageReply(reply: APIHandlers.reply(reply, speech: nil)))
        }

        private static func problem(for error: any Error) -> Problem {
            if let problem = ProblemMapping.problem(for: error) { return problem }
            ReplyEvents.logger.error("speaking a streamed sentence failed", metadata: ProblemMiddleware<CompanionRequestContext>.loggable(error))
            return .internalError
        }
    }

    static let logger = Logger(label: "companion.conversation")

    /// Dates as the JSON responses write them.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        let transcoder = RFC3339DateTranscoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func event(_ name: String, _ data: some Encodable) -> ServerSentEvent {
        let json = (try? encoder.encode(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ServerSentEvent(event: name, data: json)
    }
}
