import Foundation
import Accounts
import HTTPTypes
import Hummingbird

/// Reads `Authorization: Bearer …` and the client's address into `RequestScope` for the handlers below.
/// A request without a token passes as anonymous (each handler decides whether it needs one); a request with
/// a bad or expired token is refused with 401 at once.
struct AuthMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let tokens: TokenService
    /// Trust the last `X-Forwarded-For` entry (our proxy's view of the client) instead of the connection's address.
    var behindProxy = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var principal: Principal?
        if let header = request.headers[.authorization] {
            guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
                throw Problem.unauthorized("Use Authorization: Bearer <accessToken>.")
            }
            principal = try await tokens.authenticate(accessToken: String(header.dropFirst(7)))
        }
        let forwarded = behindProxy ? request.headers[.forwardedFor]?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces) : nil
        let client = forwarded ?? context.remoteAddress?.ipAddress ?? "unknown"
        return try await RequestScope.$principal.withValue(principal) {
            try await RequestScope.$client.withValue(client) { try await next(request, context) }
        }
    }
}

extension HTTPField.Name {
    static let forwardedFor = Self("X-Forwarded-For")!
}
