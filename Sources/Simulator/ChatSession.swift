import Foundation

/// `companion chat`: a patient's conversation in the terminal. A line is a message; a bare number picks that quick
/// reply; `/book N` picks the N-th offered time; `/patient` lists the profiles and `/patient N` starts over about the
/// N-th; `/quit` ends. Before the first conversation it shows the consent text, as the app does, and goes on only
/// after a yes.
public struct ChatSession {
    let session: PatientSession
    let language: String
    /// The hospital to talk to; needed when the server serves several.
    let hospitalId: String?
    /// Replies come as server-sent events and are shown sentence by sentence.
    let stream: Bool
    /// Replies are spoken in this format (mp3, opus, wav).
    let speech: String?
    let write: @Sendable (String) -> Void

    public init(
        session: PatientSession, language: String, hospitalId: String? = nil, stream: Bool = false, speech: String? = nil,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.session = session
        self.language = language
        self.hospitalId = hospitalId
        self.stream = stream
        self.speech = speech
        self.write = write
    }

    /// Runs until the input ends or `/quit`.
    public func run(lines: some AsyncSequence<String, any Error>) async throws {
        var lines = lines.makeAsyncIterator()
        var patients = try await session.patients()
        guard try await askConsent(for: patients.map(\.id), lines: &lines) else { return }
        var started = try await session.startConversation(
            patientId: patients.count == 1 ? patients[0].id : nil, language: language,
            hospitalId: hospitalId)
        var conversationId = started.id
        var quickReplies = started.reply.quickReplies
        write(ReplyRenderer.render(started.reply))
        while let raw = try await lines.next() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line == "/quit" { return }
            var message = line
            if line == "/patient" {
                patients = try await session.patients()
                write(patients.enumerated().map { "  \($0.offset + 1). \($0.element.name) (\($0.element.birthDate))" }.joined(separator: "\n"))
                continue
            }
            if line.hasPrefix("/patient "), let index = Int(line.dropFirst(9)), patients.indices.contains(index - 1) {
                started = try await session.startConversation(patientId: patients[index - 1].id, language: language, hospitalId: hospitalId)
                conversationId = started.id
                quickReplies = started.reply.quickReplies
                write("— now talking about \(patients[index - 1].name) —\n" + ReplyRenderer.render(started.reply))
                continue
            }
            if line.hasPrefix("/book "), let index = Int(line.dropFirst(6)) {
                message = language == "en" ? "number \(index)" : "第\(index)个"
            } else if let index = Int(line), quickReplies.indices.contains(index - 1) {
                message = quickReplies[index - 1]
            }
            write("我: \(message)")
            do {
                let reply = try await answer(message, in: conversationId)
                quickReplies = reply.quickReplies
                write(ReplyRenderer.render(reply, text: !stream))
            } catch let error as SimulatorError {
                write("  ! \(error.description)")
            }
        }
    }

    /// The companion's reply; when streaming, each sentence is shown as it comes.
    private func answer(_ message: String, in conversationId: String) async throws -> Components.Schemas.Reply {
        guard stream else { return try await session.say(message, in: conversationId, speech: speech) }
        let write = self.write
        let streamed = try await session.sayStreaming(message, in: conversationId, speech: speech) { write(ReplyRenderer.render($0)) }
        for problem in streamed.problems { write("  ! \(problem.title)") }
        guard let reply = streamed.reply else { throw SimulatorError("the reply's stream ended early") }
        return reply
    }

    /// Shows each consent text not yet agreed to and asks once; true when the patient said yes (or had already).
    private func askConsent(for patientIds: [String], lines: inout some AsyncIteratorProtocol<String, any Error>) async throws -> Bool {
        guard try await !session.hasConsented(to: .healthConversation) else { return true }
        for text in try await session.consents().texts { write("【\(text.title)】\(text.text)") }
        write(language == "en" ? "Agree? (y/n)" : "是否同意？(y/n)")
        let answer = try await lines.next()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard ["y", "yes", "是", "同意"].contains(answer) else {
            write(
                language == "en"
                    ? "Without your consent the companion cannot talk about your health."
                    : "未获得您的同意，助理无法进行健康咨询。")
            return false
        }
        try await session.consent(patientIds: patientIds)
        return true
    }
}
