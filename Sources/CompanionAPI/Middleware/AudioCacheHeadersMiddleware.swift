import Hummingbird

/// Marks speech audio as immutable: its key is its content address, so the ETag is the key and clients may keep
/// it for a year. `private`, because audio can carry what a patient was told. (Set here rather than by the
/// generated code, which percent-encodes header values.)
struct AudioCacheHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var prefix: String { "/v1/speech/audio/" }
    static var cacheControl: String { "private, max-age=31536000, immutable" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        let path = request.uri.path
        guard path.hasPrefix(Self.prefix), response.status == .ok || response.status == .notModified else { return response }
        response.headers[.eTag] = "\"\(path.dropFirst(Self.prefix.count))\""
        response.headers[.cacheControl] = Self.cacheControl
        return response
    }
}
