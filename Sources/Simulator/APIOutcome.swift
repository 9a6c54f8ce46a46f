import OpenAPIRuntime

/// What an API step came back with: the id it made (if any), a status, a queue number, draft sections, or the
/// problem code it was refused with.
public struct APIOutcome: Sendable {
    public var id: String?
    public var status: String?
    public var queueNumber: Int?
    public var sections: [String: String] = [:]
    public var problem: String?
    public var detail: String?

    static func refused(_ status: Int, _ body: Components.Schemas.Problem?) -> APIOutcome {
        APIOutcome(status: "HTTP \(status)", problem: body?.code ?? "http_\(status)", detail: body?.detail)
    }
}

extension Operations.CreateAppointment.Output {
    var outcome: APIOutcome {
        get throws {
            switch self {
            case .created(let ok): let body = try ok.body.json; return APIOutcome(id: body.id, status: body.status.rawValue)
            case .default(let status, let problem): return .refused(status, try? problem.body.applicationProblemJson)
            }
        }
    }
}
