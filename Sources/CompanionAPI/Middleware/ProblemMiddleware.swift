import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime

/// Reads `Accept-Language` into `RequestScope` and turns every error thrown below it into an
/// `application/problem+json` response in that language. Unknown errors become a bare 500; what went wrong is
/// logged with the request id, never sent to the client. Each refusal by a limit (429) is counted by its code.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let limitRefusals: LimitRefusalMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await RequestScope.$language.withValue(Language(acceptLanguage: request.headers[.acceptLanguage])) {
            try await respond(request, context: context, next: next)
        }
    }

    private func respond(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem: Problem
            if let mapped = ProblemMapping.problem(for: error) {
                problem = mapped
            } else {
                context.logger.error("unhandled error", metadata: Self.loggable(error))
                problem = .internalError
            }
            if problem.status == 429 { limitRefusals.refused(by: problem.code) }
            return Self.response(for: problem)
        }
    }

    /// What may be logged about an error: its type, the operation and the cause, never the request. A `ServerError`'s
    /// own description repeats the request's headers (the bearer token) and decoded input (what the patient wrote).
    static func loggable(_ error: any Error) -> Logger.Metadata {
        guard let serverError = error as? ServerError else {
            return ["error": "\(String(reflecting: type(of: error)))", "description": "\(error)"]
        }
        let cause = serverError.underlyingError
        return ["error": "\(String(reflecting: type(of: cause)))", "description": "\(cause)", "operation": "\(serverError.operationID)"]
    }

    static func response(for problem: Problem) -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json", .cacheControl: "no-store"]
        if let retryAfter = problem.retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow = problem.allow { headers[.allow] = allow.joined(separator: ", ") }
        let body = (try? JSONEncoder().encode(problem)) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: problem.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
