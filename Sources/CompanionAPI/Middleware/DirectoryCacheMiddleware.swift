import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// Keeps the encoded answers of the public directory routes (`/v1/hospitals`, `/v1/departments`, `/v1/doctors`)
/// for a short while, per path, query and language: they are the same for every caller, read on almost every
/// screen of the app, and change only when a hospital is re-seeded. Clients may cache them for a minute too.
struct DirectoryCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    struct Entry: Sendable {
        let body: ByteBuffer
        let contentType: String?
        let storedAt: ContinuousClock.Instant
    }

    static var prefixes: [String] { ["/v1/hospitals", "/v1/departments", "/v1/doctors"] }
    let lifetime: Duration
    let maxEntries: Int
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(lifetime: Duration = .seconds(30), maxEntries: Int = 2_000) {
        self.lifetime = lifetime
        self.maxEntries = maxEntries
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get, Self.prefixes.contains(where: { path.hasPrefix($0) }) else {
            return try await next(request, context)
        }
        let key = "\(request.uri)|\(RequestScope.language.rawValue)"
        let now = ContinuousClock.now
        if let hit = entries.withLockedValue({ $0[key] }), now - hit.storedAt < lifetime {
            return Self.response(hit)
        }
        let response = try await next(request, context)
        guard response.status == .ok else { return response }
        let collector = BodyCollector()
        var body = response.body
        try await body.write(collector)
        let entry = Entry(body: collector.buffer, contentType: response.headers[.contentType], storedAt: now)
        entries.withLockedValue { cache in
            if cache.count >= maxEntries { cache.removeAll(keepingCapacity: true) }
            cache[key] = entry
        }
        return Self.response(entry)
    }

    static func response(_ entry: Entry) -> Response {
        var headers: HTTPFields = [.cacheControl: "public, max-age=60"]
        if let type = entry.contentType { headers[.contentType] = type }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
    }
}
