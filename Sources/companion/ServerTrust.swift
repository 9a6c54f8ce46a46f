import ArgumentParser
import AsyncHTTPClient
import NIOSSL

/// `--ca-cert`: trust this PEM certificate authority (as well) when talking to an HTTPS `--server`.
struct ServerTrust: ParsableArguments {
    @Option(name: .customLong("ca-cert"), help: "PEM file of the certificate authority that signed an HTTPS --server's certificate.")
    var caCertificate: String?

    /// Runs `body` with an HTTP client that trusts the given authority (the shared client when none is given).
    func withClient<T: Sendable>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        guard let caCertificate else { return try await body(.shared) }
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caCertificate))
        } catch {
            throw ValidationError("--ca-cert \(caCertificate): not a readable PEM certificate (\(error))")
        }
        let client = HTTPClient(configuration: .init(tlsConfiguration: tls))
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
