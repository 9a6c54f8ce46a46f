import Foundation

/// Everything `companion serve` can be told. Each setting has one flag and one environment variable
/// (see the README's configuration table); flags win over the environment, which wins over the defaults.
public struct AppConfiguration: Sendable {
    public enum Mode: String, Sendable, CaseIterable { case dev, production }

    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "./data"
    /// `sqlite:///path` or `postgres://…`; nil means `sqlite://<dataDirectory>/companion.sqlite`.
    public var databaseURL: String?
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    public var mode: Mode = .dev
    public var jwtSecret: String?
    /// TLS is terminated by a proxy in front of this server (production without TLS is then allowed).
    public var behindProxy = false
    /// Dev mode may listen beyond loopback (a closed test network); off, dev mode refuses any other host.
    public var allowDevOnNetwork = false
    public var otpWebhookURL: String?
    public var otpWebhookSecret: String?
    public var logLevel = "info"

    public init() {}

    /// The database URL in effect.
    public var effectiveDatabaseURL: String {
        databaseURL ?? "sqlite://" + URL(fileURLWithPath: dataDirectory).appendingPathComponent("companion.sqlite").path
    }

    public var usesTLS: Bool { tlsCertificatePath != nil }

    /// Whether `host` names this machine's loopback interface only.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || (host.hasPrefix("127.") && host.split(separator: ".").count == 4)
    }

    /// Refuses settings a deployment must not run with, saying what to set.
    public func validate() throws {
        if (tlsCertificatePath == nil) != (tlsKeyPath == nil) {
            throw ConfigurationError("--tls-cert and --tls-key (COMPANION_TLS_CERT, COMPANION_TLS_KEY) must be given together.")
        }
        if mode == .dev, !allowDevOnNetwork, !Self.isLoopback(host) {
            throw ConfigurationError(
                "dev mode shows login codes in responses and lets anyone move the clock, so it listens on loopback "
                    + "only (127.0.0.1, ::1, localhost): use --mode production, or --allow-dev-on-network (COMPANION_ALLOW_DEV_ON_NETWORK=1) "
                    + "on a closed test network.")
        }
        guard mode == .production else { return }
        guard let secret = jwtSecret, !secret.isEmpty else {
            throw ConfigurationError(
                "production mode needs a JWT secret: set COMPANION_JWT_SECRET (or --jwt-secret) to at least 32 random characters.")
        }
        guard secret.count >= 32 else {
            throw ConfigurationError("the JWT secret is too short: use at least 32 random characters (e.g. `openssl rand -base64 48`).")
        }
        guard usesTLS || behindProxy else {
            throw ConfigurationError(
                "production mode serves only HTTPS: give --tls-cert and --tls-key, or --behind-proxy (COMPANION_BEHIND_PROXY=1) when a proxy terminates TLS."
            )
        }
        guard otpWebhookURL != nil, otpWebhookSecret != nil else {
            throw ConfigurationError(
                "production mode sends login codes through a webhook: set COMPANION_OTP_WEBHOOK_URL and COMPANION_OTP_WEBHOOK_SECRET.")
        }
    }
}

/// A setting that stops the server from starting; the message says how to fix it.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
