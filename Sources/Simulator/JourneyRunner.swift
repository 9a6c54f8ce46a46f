import AsyncHTTPClient
import Foundation

/// The outcome of one step: what was done, how long the server took, and every expectation that did not hold
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

/// Walks a journey through a server's API as the phone app (and the doctor's workstation) would: signs the persona
/// in, adds its patient profiles, then runs each step — talking, booking, checking in, moving a dev server's clock,
/// the doctor's encounter, draft and signature — checking every result.
public struct JourneyRunner: Sendable {
    let server: URL
    let httpClient: HTTPClient
    let write: @Sendable (String) -> Void

    /// `httpClient` carries the TLS trust (`--ca-cert`) for an HTTPS server.
    public init(server: URL, httpClient: HTTPClient = .shared, write: @escaping @Sendable (String) -> Void) {
        self.server = server
        self.httpClient = httpClient
        self.write = write
    }

    /// Walks the journey; `phone` replaces the persona's (a crowd gives each virtual patient its own).
    public func run(_ journey: Journey, phone: String? = nil) async throws -> JourneyResult {
        write("== \(journey.name)")
        var state = try await JourneyState.begin(journey, server: server, phone: phone ?? journey.persona.phone, httpClient: httpClient)
        var results: [StepResult] = []
        for step in journey.steps {
            write(step.say.map { "我: \($0)" } ?? "▸ \(step.summary)")
            let start = ContinuousClock.now
            var failures: [String] = []
            let stage: String
            do {
                switch try await perform(step, state: &state) {
                case .reply(let reply):
                    write(ReplyRenderer.render(reply))
                    failures = step.expect.map { Self.check($0, against: reply) } ?? []
                    failures += try await checkSpeech(step, speech: reply.speech, session: state.patient)
                    stage = reply.stage
                case .streamed(let streamed):
                    for sentence in streamed.sentences { write("  ▸ \(sentence.text)") }
                    failures = streamed.contractFailures(spoken: step.speech != nil)
                    if let reply = streamed.reply {
                        write(ReplyRenderer.render(reply))
                        failures += step.expect.map { Self.check($0, against: reply) } ?? []
                    }
                    failures += try await checkSpeech(step, speech: streamed.sentences.first?.speech, session: state.patient)
                    stage = streamed.reply?.stage ?? "error"
                case .api(let outcome):
                    write("  " + Self.describe(outcome))
                    failures = Self.check(step.expect, against: outcome)
                    stage = outcome.problem ?? outcome.status ?? "ok"
                }
            } catch let error as JourneyStepError {
                failures = [error.description]
                stage = "error"
            }
            let latency = (ContinuousClock.now - start).inSeconds * 1000
            for failure in failures { write("  ✗ \(failure)") }
            results.append(StepResult(say: step.summary, latencyMs: latency, stage: stage, failures: failures))
        }
        // The next journey on this server starts from the time this one would have reached without its jumps.
        if state.movedClock {
            try? await state.patient.setClock(state.serverStart.addingTimeInterval((ContinuousClock.now - state.localStart).inSeconds))
        }
        let result = JourneyResult(journey: journey.name, steps: results)
        write(result.passed ? "== passed" : "== FAILED")
        return result
    }

    /// Fetches the audio of a reply (of its first sentence, when it streamed) as the avatar would.
    private func checkSpeech(_ step: Journey.Step, speech: Components.Schemas.Speech?, session: PatientSession) async throws -> [String] {
        guard step.expect?.speech == true else { return [] }
        guard let speech else { return ["speech: expected spoken audio, got none"] }
        let bytes = try await session.audioBytes(key: speech.key)
        write("  ♪ \(speech.format) \(speech.durationMs) ms, \(speech.words.count) words, \(speech.visemes.count) visemes, \(bytes) bytes")
        return bytes == speech.byteCount ? [] : ["speech: audio has \(bytes) bytes, the reply said \(speech.byteCount)"]
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

    /// An API step is expected to succeed unless `problem` says how it must be refused.
    static func check(_ expected: Journey.Expectation?, against outcome: APIOutcome) -> [String] {
        var failures: [String] = []
        if let problem = expected?.problem {
            if outcome.problem != problem {
                failures.append("problem: expected \(problem), got \(outcome.problem ?? "success (\(outcome.status ?? "ok"))")")
            }
            return failures
        }
        if let problem = outcome.problem { return ["refused: \(problem)\(outcome.detail.map { " — \($0)" } ?? "")"] }
        if let status = expected?.status, status != outcome.status {
            failures.append("status: expected \(status), got \(outcome.status ?? "nothing")")
        }
        if let number = expected?.queueNumber, number != outcome.queueNumber {
            failures.append("queue number: expected \(number), got \(outcome.queueNumber.map(String.init) ?? "none")")
        }
        for (key, text) in (expected?.sections ?? [:]).sorted(by: { $0.key < $1.key }) where !(outcome.sections[key] ?? "").contains(text) {
            failures.append("section \(key): expected to contain \"\(text)\", got \"\(outcome.sections[key] ?? "nothing")\"")
        }
        return failures
    }

    static func describe(_ outcome: APIOutcome) -> String {
        if let problem = outcome.problem { return "✋ \(problem)\(outcome.detail.map { ": \($0)" } ?? "")" }
        var parts = [outcome.status, outcome.id].compactMap { $0 }
        if let number = outcome.queueNumber { parts.append("queue #\(number)") }
        for (key, text) in outcome.sections.sorted(by: { $0.key < $1.key }) where !text.isEmpty { parts.append("\(key): \(text)") }
        return parts.joined(separator: "  ")
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
