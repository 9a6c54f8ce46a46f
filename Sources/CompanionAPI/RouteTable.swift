import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import OpenAPIRuntime
import OpenAPIHummingbird

/// The methods each path of the API answers: a known path asked with another method gets 405 with `Allow`, not 404.
final class RouteTable: Sendable {
    private struct Route {
        let segments: [Substring]
        var methods: Set<HTTPRequest.Method>
    }

    private let routes = NIOLockedValueBox<[Route]>([])

    /// Notes that `path` (a template such as `/v1/appointments/{id}`) answers `method`.
    func add(_ method: HTTPRequest.Method, _ path: String) {
        let segments = Self.segments(path)
        routes.withLockedValue { routes in
            if let index = routes.firstIndex(where: { $0.segments == segments }) {
                routes[index].methods.insert(method)
            } else {
                routes.append(Route(segments: segments, methods: [method]))
            }
        }
    }

    /// The methods a request path answers, sorted; empty when no route has this path.
    func methods(for path: String) -> [String] {
        let asked = Self.segments(path)
        let methods = routes.withLockedValue { routes in
            routes.filter { Self.matches($0.segments, asked) }.reduce(into: Set<HTTPRequest.Method>()) { $0.formUnion($1.methods) }
        }
        return methods.map(\.rawValue).sorted()
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/") } ?? []
    }

    private static func matches(_ template: [Substring], _ asked: [Substring]) -> Bool {
        template.count == asked.count && zip(template, asked).allSatisfy { $0.contains("{") || $0 == $1 }
    }
}

/// Registers the API's operations on the router and notes each one in the route table.
struct RecordingTransport<Context: RequestContext>: ServerTransport {
    let router: Router<Context>
    let table: RouteTable

    func register(
        _ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
        method: HTTPRequest.Method,
        path: String
    ) throws {
        router.register(handler, method: method, path: path)
        table.add(method, path)
    }
}
