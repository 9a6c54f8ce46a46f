import Foundation
import Accounts

/// Who is calling and in which language, for the duration of one request. Set by `AuthMiddleware`;
/// read by the handlers, which the generated server calls without a request context.
enum RequestScope {
    @TaskLocal static var principal: Principal?
    @TaskLocal static var language: Language = .zh
    /// The client's IP address, for limits counted per client: the connection's, or behind a proxy the last
    /// `X-Forwarded-For` entry; `unknown` without either (an in-process test, a Unix socket).
    @TaskLocal static var client = "unknown"

    /// The caller, or 401.
    static func requirePrincipal() throws -> Principal {
        guard let principal else { throw Problem.unauthorized() }
        return principal
    }

    /// The patient account calling, or 401 (no token) / 403 (a staff token).
    static func requirePatientAccount() throws -> String {
        let principal = try requirePrincipal()
        guard principal.role == .patient else { throw Problem.forbidden("This endpoint is for patient accounts.") }
        return principal.subjectId
    }
}

/// The language of human-readable text in responses, from `Accept-Language` (zh-CN by default).
enum Language: String, Sendable {
    case zh, en

    init(acceptLanguage: String?) {
        let first = acceptLanguage?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        self = first.hasPrefix("en") ? .en : .zh
    }

    /// Picks the Chinese or the English form.
    func pick(_ zh: String, _ en: String) -> String { self == .en ? en : zh }
}
