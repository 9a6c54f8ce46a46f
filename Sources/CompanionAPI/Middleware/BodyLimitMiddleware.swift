import Hummingbird

/// Refuses request bodies over the limit with 413, whether announced by `Content-Length` or streamed.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    static var defaultLimit: Int { 1 << 20 }
    let limit: Int

    init(limit: Int = Self.defaultLimit) { self.limit = limit }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        if request.method != .get, request.method != .head {
            _ = try await request.collectBody(upTo: limit)
        }
        return try await next(request, context)
    }
}
