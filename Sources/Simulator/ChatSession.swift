import Foundation

/// `companion chat`: a patient's conversation in the terminal. A line is a message; a bare number picks that quick
/// reply; `/book N` picks the N-th offered time; `/patient` lists the profiles and `/patient N` starts over about the
/// N-th; `/quit` ends.
public struct ChatSession {
    let session: PatientSession
    let language: String
    let write: (String) -> Void

    public init(session: PatientSession, language: String, write: @escaping (String) -> Void) {
        self.session = session
        self.language = language
        self.write = write
    }

    /// Runs until the input ends or `/quit`.
    public func run(lines: some AsyncSequence<String, any Error>) async throws {
        var patients = try await session.patients()
        var started = try await session.startConversation(patientId: patients.count == 1 ? patients[0].id : nil, language: language)
        var conversationId = started.id
        var quickReplies = started.reply.quickReplies
        write(ReplyRenderer.render(started.reply))
        for try await raw in lines {
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
                started = try await session.startConversation(patientId: patients[index - 1].id, language: language)
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
                let reply = try await session.say(message, in: conversationId)
                quickReplies = reply.quickReplies
                write(ReplyRenderer.render(reply))
            } catch let error as SimulatorError {
                write("  ! \(error.description)")
            }
        }
    }
}
