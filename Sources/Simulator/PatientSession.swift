import AsyncHTTPClient
import Foundation
import HTTPTypes
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// What went wrong talking to the server, in words for the terminal.
public struct SimulatorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A patient signed in to a Companion server, talking through the client generated from `openapi.yaml` — the
/// same contract the phone app uses.
public struct PatientSession: Sendable {
    public let client: Client
    /// The same server without the patient's token (for the dev time control, which a moved clock's tokens fail).
    let anonymous: Client

    /// Signs in with a phone's one-time code. Only a dev-mode server returns the code (`devCode`); against a
    /// production server the code comes by text message and must be given.
    public static func signIn(server: URL, phone: String, code: String? = nil, httpClient: HTTPClient = .shared) async throws -> PatientSession {
        let transport = AsyncHTTPClientTransport(configuration: .init(client: httpClient))
        let anonymous = Client(serverURL: server, transport: transport)
        let sent = try await anonymous.requestOtp(body: .json(.init(phone: phone)))
        guard case .accepted(let accepted) = sent else { throw SimulatorError("the server refused to send a code: \(sent)") }
        guard let code = try code ?? accepted.body.json.devCode else {
            throw SimulatorError("the server is not in dev mode: give the code that was texted with --code")
        }
        let tokens = try await anonymous.createToken(body: .json(.init(phone: phone, code: code)))
        guard case .ok(let ok) = tokens else { throw SimulatorError("sign-in failed: \(tokens)") }
        let token = try ok.body.json.accessToken
        return PatientSession(client: Client(serverURL: server, transport: transport, middlewares: [BearerToken(token: token)]), anonymous: anonymous)
    }

    /// The account's patient profiles (就诊人), creating one when there is none.
    public func patients() async throws -> [Components.Schemas.Patient] {
        let listed = try await client.listPatients()
        guard case .ok(let ok) = listed else { throw SimulatorError("listing patients failed: \(listed)") }
        return try ok.body.json.items
    }

    public func addPatient(name: String, gender: String, birthDate: String) async throws -> Components.Schemas.Patient {
        let created = try await client.createPatient(body: .json(.init(name: name, gender: gender, birthDate: birthDate)))
        guard case .created(let ok) = created else { throw SimulatorError("adding the patient failed: \(created)") }
        return try ok.body.json
    }

    /// Starts a conversation, with the hospital named when there is one to name.
    public func startConversation(patientId: String?, language: String, hospitalId: String? = nil) async throws
        -> Components.Schemas.ConversationStarted
    {
        let started = try await client.startConversation(body: .json(.init(patientId: patientId, hospitalId: hospitalId, language: language)))
        guard case .created(let ok) = started else { throw SimulatorError("starting the conversation failed: \(started)") }
        return try ok.body.json
    }

    /// Says something; with `speech` (mp3, opus, wav) the reply comes spoken too.
    public func say(_ text: String, in conversationId: String, speech: String? = nil) async throws -> Components.Schemas.Reply {
        let answered = try await client.sendMessage(
            path: .init(conversationId: conversationId), headers: .init(accept: [.init(contentType: .json)]),
            body: .json(.init(text: text, speech: speech.map { .init(format: $0) })))
        switch answered {
        case .ok(let ok): return try ok.body.json.reply
        case .default(let status, let problem):
            let detail = (try? problem.body.applicationProblemJson.detail) ?? nil
            throw SimulatorError("HTTP \(status): \(detail ?? "refused")")
        }
    }
}

extension PatientSession {
    /// The size in bytes of a reply's audio, fetched as the avatar would.
    public func audioBytes(key: String) async throws -> Int {
        let fetched = try await client.getSpeechAudio(path: .init(key: key))
        guard case .ok(let ok) = fetched else { throw SimulatorError("fetching the audio failed: \(fetched)") }
        let body: HTTPBody =
            switch ok.body {
            case .audioMpeg(let body), .audioOgg(let body), .audioWav(let body): body
            }
        return try await [UInt8](collecting: body, upTo: 16 << 20).count
    }
}

/// Adds the patient's access token to every request.
struct BearerToken: ClientMiddleware {
    let token: String

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        return try await next(request, body, baseURL)
    }
}
