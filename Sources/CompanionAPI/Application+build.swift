import Accounts
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import OpenAPIHummingbird
import OpenAPIRuntime
import Prometheus
import Speech
import Storage

/// Builds the router: middleware in order (request log, problems, 405s, body limit, empty bodies, the contract's
/// parameter limits and no nulls, public read cache, auth, idempotency, audio cache headers), the generated API,
/// and the plain routes `/openapi.yaml` and `/metrics` (admin token needed unless `publicMetrics`). Behind a proxy
/// (`behindProxy`), the client is the address the proxy appended last to `X-Forwarded-For`.
public func buildRouter(
    services: Services, registry: PrometheusCollectorRegistry, publicMetrics: Bool,
    behindProxy: Bool = false
) throws -> Router<CompanionRequestContext> {
    let router = Router(context: CompanionRequestContext.self)
    let contract = try OpenAPIDocument.text()
    router.add(middleware: AccessLogMiddleware(registry: registry))
    router.add(middleware: ProblemMiddleware(limitRefusals: LimitRefusalMetrics(registry: registry)))
    let routes = RouteTable()
    router.add(middleware: MethodNotAllowedMiddleware(table: routes))
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: EmptyBodyMiddleware())
    router.add(middleware: ContractLimitsMiddleware(limits: try ParameterLimits(contract: contract)))
    router.add(middleware: PublicReadCacheMiddleware())
    router.add(middleware: AuthMiddleware(tokens: services.tokens, behindProxy: behindProxy))
    router.add(middleware: IdempotencyMiddleware(database: services.database, clock: services.clock))
    router.add(middleware: AudioCacheHeadersMiddleware())
    // Compact JSON: the generator's default (pretty, sorted) costs bytes and time on every response.
    let configuration = Configuration(dateTranscoder: RFC3339DateTranscoder(), jsonEncodingOptions: [])
    try APIHandlers(services: services).registerHandlers(on: RecordingTransport(router: router, table: routes), configuration: configuration)
    routes.add(.get, "/openapi.yaml")
    routes.add(.get, "/metrics")
    router.get("/openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: contract)))
    }
    router.get("/metrics") { _, _ in
        guard RequestScope.principal?.role == .admin || publicMetrics else {
            throw Problem.forbidden("Metrics are for administrators.")
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
    return router
}

/// The served contract, read once from the module's resources.
enum OpenAPIDocument {
    static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw ConfigurationError("openapi.yaml is missing from the build")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Builds the whole server for a configuration: HTTP/1.1, or HTTPS with HTTP/2 when a certificate is given.
public func buildApplication(
    configuration: AppConfiguration,
    services: Services,
    registry: PrometheusCollectorRegistry,
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(
        services: services, registry: registry, publicMetrics: configuration.mode == .dev,
        behindProxy: configuration.behindProxy)
    let server: HTTPServerBuilder
    if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
        let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
        let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(privateKey))
        tls.minimumTLSVersion = .tlsv12
        server = try .http2Upgrade(tlsConfiguration: tls)
    } else {
        server = .http1()
    }
    var app = Application(
        router: router,
        server: server,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "companion"),
        onServerRunning: onServerRunning,
        logger: logger
    )
    app.addServices(
        DatabaseService(database: services.database, logger: logger),
        WaitlistService(registration: services.registration, logger: logger),
        RetentionService(
            sweep: RetentionSweep(
                database: services.database,
                rules: RetentionRule.standard(
                    speechKept: services.speech.cache.maxAge,
                    auditKept: services.auditKept)),
            clock: services.clock, logger: logger),
        KeyRefreshService(database: services.database, logger: logger),
        services.speech)
    return app
}
