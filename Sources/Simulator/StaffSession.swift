import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// A staff member signed in with a password: a doctor opens encounters, posts transcripts, drafts and signs
/// records; an admin opens and closes doctor sessions.
public struct StaffSession: Sendable {
    let client: Client

    public static func signIn(server: URL, username: String, password: String, httpClient: HTTPClient = .shared) async throws -> StaffSession {
        let transport = AsyncHTTPClientTransport(configuration: .init(client: httpClient))
        let signed = try await Client(serverURL: server, transport: transport).createStaffToken(
            body: .json(.init(username: username, password: password)))
        guard case .ok(let ok) = signed else { throw SimulatorError("the staff member \(username) could not sign in: \(signed)") }
        let token = try ok.body.json.accessToken
        return StaffSession(client: Client(serverURL: server, transport: transport, middlewares: [BearerToken(token: token)]))
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

    /// Opens a doctor session (排班) on a date; an admin's step.
    public func createSession(doctorId: String, date: String, period: String, start: String, end: String, capacity: Int) async throws -> APIOutcome {
        let body = Components.Schemas.SessionCreate(
            doctorId: doctorId, date: date, period: period, start: start, end: end, slotMinutes: 30,
            capacityPerSlot: capacity, fee: 20)
        switch try await client.createSession(body: .json(body)) {
        case .created(let ok): let session = try ok.body.json; return APIOutcome(id: session.id, status: session.status.rawValue)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    /// Closes a doctor session (停诊): its appointments are cancelled and the patients told.
    public func closeSession(sessionId: String, reason: String) async throws -> APIOutcome {
        switch try await client.closeSession(path: .init(sessionId: sessionId), body: .json(.init(reason: reason))) {
        case .ok(let ok): let session = try ok.body.json; return APIOutcome(id: session.id, status: session.status.rawValue)
        case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
        }
    }

    static func outcome(_ record: Components.Schemas.Record) -> APIOutcome {
        APIOutcome(
            id: record.id, status: record.status.rawValue, sections: Dictionary(uniqueKeysWithValues: record.sections.map { ($0.key, $0.text) }))
    }
}
