@testable import CompanionAPI
import Dialogue
import Foundation
import OpenAPIRuntime
import Speech
import Testing

/// The events of a streamed reply are made as they are asked for: a sentence is spoken only once the one before it
/// has gone out, and a sentence that cannot be spoken does not stop the reply.
@Suite("Conversation: the reply's event stream")
struct ReplyEventsTests {
    static func reply(_ text: String) throws -> Reply {
        let json = #"{"text":"\#(text)","stage":"smalltalk","language":"zh","quickReplies":[],"cards":[],"actions":[]}"#
        return try JSONDecoder().decode(Reply.self, from: Data(json.utf8))
    }

    actor Calls {
        var texts: [String] = []
        func add(_ text: String) { texts.append(text) }
    }

    @Test("each sentence is spoken only when the writer asks for its event")
    func lazy() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("companion-reply-events-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let speech = SpeechService(cache: try SpeechCache(directory: folder, capacityBytes: 16 << 20))
        let calls = Calls()
        let events = ReplyEvents(reply: try Self.reply("药房在门诊一楼。请带好医保卡！还有别的问题吗？")) { text in
            await calls.add(text)
            return try await speech.speak(try SpeechRequest(text: text, language: .zh))
        }
        var iterator = events.makeAsyncIterator()
        #expect(try await iterator.next()?.event == "sentence")
        #expect(await calls.texts == ["药房在门诊一楼。"])
        #expect(try await iterator.next()?.event == "sentence")
        #expect(await calls.texts.count == 2)
        let third = try #require(try await iterator.next())
        #expect(third.data?.contains(#""index":2"#) == true && third.data?.contains(#""audioUrl""#) == true)
        #expect(try await iterator.next()?.event == "reply")
        #expect(try await iterator.next() == nil)
    }

    @Test("a sentence that cannot be spoken: an error event after it, then the rest as text, then the reply")
    func failedSpeech() async throws {
        let calls = Calls()
        let events = ReplyEvents(reply: try Self.reply("第一句。第二句。第三句。")) { text in
            await calls.add(text)
            throw SpeechError.textTooLong(limit: 1)
        }
        var names: [String] = []
        for try await event in events {
            names.append(event.event ?? "")
            if event.event == "sentence" { #expect(event.data?.contains("speech") == false) }
            if event.event == "error" { #expect(event.data?.contains(#""code":"text_too_long""#) == true) }
        }
        #expect(names == ["sentence", "error", "sentence", "sentence", "reply"])
        #expect(await calls.texts.count == 1)
    }
}
