import Hummingbird

/// Turns the router's 404 for a path that exists under other methods into 405 with the `Allow` header (RFC 9110).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let table: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = table.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            throw Problem(
                status: 405, code: "method_not_allowed", title: "Method not allowed",
                detail: "\(request.uri.path) answers \(allowed.joined(separator: ", ")).", allow: allowed)
        }
    }
}
