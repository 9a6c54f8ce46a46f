import Hummingbird
import NIOCore

/// A POST sent without a body (and without a Content-Type) reads as `{}`: "no options" for routes whose body is
/// optional (`POST /v1/encounters/{id}/drafts`). The generated server would otherwise try to decode zero bytes as
/// JSON; routes that need a body still refuse `{}` for what it lacks.
struct EmptyBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, request.headers[.contentType] == nil else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: BodyLimitMiddleware<Context>.defaultLimit)
        guard body.readableBytes == 0 else { return try await next(request, context) }
        var head = request.head
        head.headerFields[.contentType] = "application/json"
        return try await next(Request(head: head, body: RequestBody(buffer: ByteBuffer(string: "{}"))), context)
    }
}
