import ArgumentParser
import AsyncHTTPClient
import Foundation
import Simulator

struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Talk to the companion as a patient, in the terminal.",
        discussion: """
            Without --server, a dev server with the demo hospital runs inside this process. Type a message; a number \
            picks that quick reply; /book N picks the N-th offered time; /patient lists the patient profiles and \
            /patient N talks about the N-th; /quit ends.
            """)

    @Option(help: "A running server, e.g. http://127.0.0.1:8080 (dev mode returns the login code).")
    var server: String?

    @Option(help: "The patient's phone number.")
    var phone = "13800138000"

    @Option(help: "The login code, when the server texts it instead of returning it (production).")
    var code: String?

    @Option(help: "zh or en.")
    var lang = "zh"

    @Option(help: "The hospital to talk to (GET /v1/hospitals); needed when the server serves several.")
    var hospital: String?

    @Flag(help: "Stream each reply sentence by sentence (server-sent events), as the avatar hears it.")
    var stream = false

    @Option(help: "Speak each reply: mp3, opus or wav (with --stream, each sentence as it comes).")
    var speech: String?

    @OptionGroup var trust: ServerTrust

    func run() async throws {
        guard ["zh", "en"].contains(lang) else { throw ValidationError("--lang must be zh or en") }
        try await trust.withClient { client in
            try await TargetServer.with(server) { url in try await talk(to: url, httpClient: client) }
        }
    }

    private func talk(to server: URL, httpClient: HTTPClient) async throws {
        let session = try await PatientSession.signIn(server: server, phone: phone, code: code, httpClient: httpClient)
        if try await session.patients().isEmpty {
            _ = try await session.addPatient(name: lang == "zh" ? "张三" : "Alex Chen", gender: "male", birthDate: "1990-01-01")
        }
        let input = AsyncThrowingStream<String, any Error> { continuation in
            Thread.detachNewThread {
                while let line = readLine() { continuation.yield(line) }
                continuation.finish()
            }
        }
        try await ChatSession(session: session, language: lang, hospitalId: hospital, stream: stream, speech: speech) {
            print(TerminalColour.paint($0))
        }.run(lines: input)
    }
}
