import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import Storage

/// Keeps the encoded answers of the public read routes for a short while, per path, query and language: they are
/// the same for every caller and read on almost every screen. The directory (`/v1/hospitals`, `/v1/departments`,
/// `/v1/doctors`) changes only when a hospital is re-seeded and is kept 30 s (clients may keep it a minute);
/// availability (`/v1/slots`) is kept 1 s, so that a release-minute crowd refreshing the list costs one query a
/// second instead of one per refresh. Booking itself always checks the live count.
struct PublicReadCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    struct Entry: Sendable {
        let body: ByteBuffer
        let contentType: String?
        let storedAt: ContinuousClock.Instant
    }

    /// Route prefix, how long its answers are kept, and the `Cache-Control` the client gets.
    static var policies: [(prefix: String, lifetime: Duration, cacheControl: String)] {
        [
            ("/v1/hospitals", .seconds(30), "public, max-age=60"),
            ("/v1/departments", .seconds(30), "public, max-age=60"),
            ("/v1/doctors", .seconds(30), "public, max-age=60"),
            ("/v1/slots", .seconds(1), "public, max-age=1"),
        ]
    }
    private let entries: BoundedMemory<String, Entry>

    init(maxEntries: Int = 2_000) { entries = BoundedMemory(limit: maxEntries) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get, let policy = Self.policies.first(where: { path.hasPrefix($0.prefix) }) else {
            return try await next(request, context)
        }
        let key = "\(request.uri)|\(RequestScope.language.rawValue)"
        let now = ContinuousClock.now
        if let hit = entries[key], now - hit.storedAt < policy.lifetime {
            return Self.response(hit, cacheControl: policy.cacheControl)
        }
        let response = try await next(request, context)
        guard response.status == .ok else { return response }
        let entry = Entry(body: try await BodyCollector.collect(response.body), contentType: response.headers[.contentType], storedAt: now)
        entries.remember(entry, for: key)
        return Self.response(entry, cacheControl: policy.cacheControl)
    }

    static func response(_ entry: Entry, cacheControl: String) -> Response {
        var headers: HTTPFields = [.cacheControl: cacheControl]
        if let type = entry.contentType { headers[.contentType] = type }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
    }
}
