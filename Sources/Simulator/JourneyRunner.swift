import Foundation

/// The outcome of one step: what was said, how long the server took, and every expectation that did not hold
/// (expected against actual).
public struct StepResult: Codable, Sendable {
    public let say: String
    public let latencyMs: Double
    public let stage: String
    public let failures: [String]
}

/// The outcome of a journey.
public struct JourneyResult: Codable, Sendable {
    public let journey: String
    public let steps: [StepResult]
    public var passed: Bool { steps.allSatisfy(\.failures.isEmpty) }
}

/// Walks a journey through a server's API as the phone app would: signs the persona in, adds its patient profiles,
/// starts a conversation and says each step, checking the replies.
public struct JourneyRunner: Sendable {
    let server: URL
    let write: @Sendable (String) -> Void

    public init(server: URL, write: @escaping @Sendable (String) -> Void) {
        self.server = server
        self.write = write
    }

    /// Walks the journey; `phone` replaces the persona's (a crowd gives each virtual patient its own).
    public func run(_ journey: Journey, phone: String? = nil) async throws -> JourneyResult {
        write("== \(journey.name)")
        let session = try await PatientSession.signIn(server: server, phone: phone ?? journey.persona.phone)
        let existing = try await session.patients()
        for patient in journey.persona.patients ?? [] where !existing.contains(where: { $0.name == patient.name }) {
            _ = try await session.addPatient(name: patient.name, gender: patient.gender, birthDate: patient.birthDate)
        }
        let started = try await session.startConversation(patientId: nil, language: journey.language ?? "zh")
        var results: [StepResult] = []
        for step in journey.steps {
            write("我: \(step.say)")
            let start = ContinuousClock.now
            let reply = try await session.say(step.say, in: started.id, speech: step.speech)
            let elapsed = ContinuousClock.now - start
            let latency = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            write(ReplyRenderer.render(reply))
            var failures = step.expect.map { Self.check($0, against: reply) } ?? []
            if step.expect?.speech == true {
                if let speech = reply.speech {
                    let bytes = try await session.audioBytes(key: speech.key)
                    if bytes != speech.byteCount { failures.append("speech: audio has \(bytes) bytes, the reply said \(speech.byteCount)") }
                    write("  ♪ \(speech.format) \(speech.durationMs) ms, \(speech.words.count) words, \(speech.visemes.count) visemes, \(bytes) bytes")
                } else {
                    failures.append("speech: expected spoken audio, got none")
                }
            }
            for failure in failures { write("  ✗ \(failure)") }
            results.append(StepResult(say: step.say, latencyMs: latency, stage: reply.stage, failures: failures))
        }
        let result = JourneyResult(journey: journey.name, steps: results)
        write(result.passed ? "== passed" : "== FAILED")
        return result
    }

    static func check(_ expected: Journey.Expectation, against reply: Components.Schemas.Reply) -> [String] {
        var failures: [String] = []
        func compare(_ what: String, _ expected: String?, _ actual: String?) {
            if let expected, expected != actual { failures.append("\(what): expected \(expected), got \(actual ?? "nothing")") }
        }
        compare("stage", expected.stage, reply.stage)
        compare("triage level", expected.level, reply.triage?.level)
        compare("department", expected.department, reply.triage?.departmentName)
        if let card = expected.card, !reply.cards.contains(where: { $0._type == card }) {
            failures.append("card: expected \(card), got \(reply.cards.map(\._type).joined(separator: ", ").nonEmpty ?? "none")")
        }
        if let action = expected.action, !reply.actions.contains(where: { $0._type == action }) {
            failures.append("action: expected \(action), got \(reply.actions.map(\._type).joined(separator: ", ").nonEmpty ?? "none")")
        }
        if let speech = reply.speech, expected.speech == true, speech.words.isEmpty || speech.visemes.isEmpty || speech.durationMs <= 0 {
            failures.append("speech: expected word marks and visemes, got \(speech.words.count) words, \(speech.visemes.count) visemes")
        }
        if let text = expected.textContains, !reply.text.contains(text) {
            failures.append("text: expected to contain \"\(text)\", got \"\(reply.text)\"")
        }
        return failures
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
