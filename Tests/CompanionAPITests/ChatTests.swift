import Foundation
import Simulator
import Testing

/// `companion chat` talks to a live server through the client generated from openapi.yaml.
@Suite("Simulator: the terminal chat")
struct ChatTests {
    @Test("a scripted chat: consent, quick reply by number, /book N, a yes, /patient, a FAQ; the transcript shows it all")
    func scriptedChat() async throws {
        // The demo schedule, not sessions opened by an admin over HTTP: a staff login's bcrypt on a loaded CI
        // machine can outlast the live test client's timeout.
        try await JourneyTests.withServer { server in
            let session = try await PatientSession.signIn(server: server, phone: "13800138009")
            _ = try await session.addPatient(name: "王小宝", gender: "male", birthDate: "2020-05-01")
            let lines = ["y", "孩子咳嗽5天了，没有发烧", "1", "/book 2", "确认", "/patient", "停车场在哪里", "/quit", "never sent"]
            let input = Self.typed(lines)
            let output = Transcript()
            try await ChatSession(session: session, language: "zh", hospitalId: "hosp_demo") { output.append($0) }.run(lines: input)
            let text = output.text
            #expect(text.contains("我: 帮我预约"), "a bare number picks that quick reply")
            #expect(text.contains("[slots] 儿科") && text.contains("  │ 2. "))
            #expect(text.contains("我: 第2个"))
            #expect(text.contains("✓ appointment_booked apt_"))
            #expect(text.contains("1. 王小宝 (2020-05-01)"))
            #expect(text.contains("[faq]"))
            #expect(!text.contains("never sent"))
            #expect(text.contains("【健康咨询】"), "the consent text is shown first")
        }
    }
}

extension ChatTests {
    @Test("a chat without a yes to the consent text talks about nothing")
    func declinedConsent() async throws {
        try await JourneyTests.withServer { server in
            let session = try await PatientSession.signIn(server: server, phone: "13800138010")
            let input = Self.typed(["n", "头疼两天了"])
            let output = Transcript()
            try await ChatSession(session: session, language: "zh", hospitalId: "hosp_demo") { output.append($0) }.run(lines: input)
            #expect(output.text.contains("未获得您的同意"))
            #expect(!output.text.contains("我: 头疼两天了"))
            #expect(try await !session.hasConsented(to: .healthConversation))
        }
    }
}

extension ChatTests {
    @Test("a streamed chat shows each sentence as it comes, spoken, then the reply's cards and quick replies")
    func streamedChat() async throws {
        try await JourneyTests.withServer { server in
            let session = try await PatientSession.signIn(server: server, phone: "13800138011")
            let input = Self.typed(["y", "我爸胸口疼，出了一身冷汗", "/quit"])
            let output = Transcript()
            try await ChatSession(session: session, language: "zh", hospitalId: "hosp_demo", stream: true, speech: "mp3") {
                output.append($0)
            }.run(lines: input)
            let lines = output.text.split(separator: "\n")
            let sentences = lines.filter { $0.hasPrefix("助理 ▸ ") }
            #expect(sentences.count >= 2 && sentences.allSatisfy { $0.contains("♪") }, "\(output.text)")
            #expect(lines.contains { $0.contains("[emergency]") })
            #expect(!lines.contains { $0.hasPrefix("助理 [emergency]") }, "the text is not shown a second time")
        }
    }
}

extension ChatTests {
    /// The lines a patient types, one after another.
    static func typed(_ lines: [String]) -> AsyncThrowingStream<String, any Error> {
        AsyncThrowingStream { continuation in
            for line in lines { continuation.yield(line) }
            continuation.finish()
        }
    }
}

/// Collects what the chat writes.
final class Transcript: @unchecked Sendable {
    // The lock guards `lines`, the only mutable state.
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}
