import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// A doctor signed in with a staff password: opens encounters, posts transcripts, drafts and signs records.
public struct DoctorSession: Sendable {
    let client: Client

    public static func signIn(server: URL, username: String, password: String, httpClient: HTTPClient = .shared) async throws -> DoctorSession {
        let transport = AsyncHTTPClientTransport(configuration: .init(client: httpClient))
        let signed = try await Client(serverURL: server, transport: transport).createStaffToken(body: .json(.init(username: username, password: password)))
        guard case .ok(let ok) = signed else { throw SimulatorError("the doctor \(username) could not sign in: \(signed)") }
        let token = try ok.body.json.accessToken
        return DoctorSession(client: Client(serverURL: server, transport: transport, middlewares: [BearerToken(token: token)]))
    }

    public func openEncounter(appointmentId: String) async throws -> APIOutcome {
        switch try await client.openEncounter(body: .json(.init(appointmentId: appointmentId))) {
        case .created(let ok): return APIOutcome(id: try ok.body.json.id)
        case .ok(let ok): return APIOutcome(id: try ok.body.json.id)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    public func append(encounterId: String, turns: [(speaker: String, text: String)]) async throws -> APIOutcome {
        let body = Components.Schemas.TranscriptAppend(turns: turns.map { .init(speaker: $0.speaker, text: $0.text) })
        switch try await client.appendTranscript(path: .init(encounterId: encounterId), body: .json(body)) {
        case .ok: return APIOutcome(id: encounterId)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    public func draft(encounterId: String, template: String) async throws -> APIOutcome {
        let chosen = Components.Schemas.DraftRequest.TemplatePayload(rawValue: template)
        switch try await client.createDraft(path: .init(encounterId: encounterId), body: .json(.init(template: chosen))) {
        case .created(let ok): return Self.outcome(try ok.body.json)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    public func sign(recordId: String) async throws -> APIOutcome {
        switch try await client.signDraft(path: .init(recordId: recordId)) {
        case .ok(let ok): return Self.outcome(try ok.body.json)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    static func outcome(_ record: Components.Schemas.Record) -> APIOutcome {
        APIOutcome(id: record.id, status: record.status.rawValue, sections: Dictionary(uniqueKeysWithValues: record.sections.map { ($0.key, $0.text) }))
    }
}
