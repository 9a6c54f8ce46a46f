import Accounts
import CompanionAPI
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Storage
import Testing

@Suite("Operations: health, contract, metrics, logs")
struct OperationsTests {
    @Test("liveness and readiness", arguments: TestEngine.available)
    func health(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let live = try await api.send(.get, "/healthz")
            #expect(try live.json()["status"] as? String == "ok")
            let ready = try await api.send(.get, "/readyz")
            #expect(ready.status == .ok)
            #expect(try ready.json()["migrations"] as? String == "ok")
        }
    }

    @Test("readiness is 503 while migrations are pending")
    func notReady() async throws {
        try await withAPI { api in
            try await api.database.write("DELETE FROM schema_migrations WHERE version = 2")
            let ready = try await api.send(.get, "/readyz")
            #expect(ready.status == .serviceUnavailable)
            #expect(try ready.json()["migrations"] as? String == "pending")
        }
    }

    @Test("the served contract is the openapi.yaml the server is generated from")
    func contract() async throws {
        try await withAPI { api in
            let served = try await api.send(.get, "/openapi.yaml")
            #expect(served.status == .ok)
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/CompanionAPI/openapi.yaml")
            #expect(served.text == (try String(contentsOf: source, encoding: .utf8)))
            #expect(served.text.hasPrefix("openapi: 3.1"))
        }
    }

    @Test("metrics count requests; in production only an admin may read them")
    func metrics() async throws {
        try await withAPI { api in
            _ = try await api.send(.get, "/v1/departments")
            _ = try await api.send(.get, "/v1/departments")
            // A method nobody uses is counted as "other": invented methods cannot multiply the series.
            _ = try await api.send(HTTPRequest.Method("BREW")!, "/v1/departments")
            let metrics = try await api.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("companion_http_requests_total"))
            #expect(metrics.text.contains(#"companion_http_requests_total{method="GET",route="/v1/departments",status="200"} 2"#), "\(metrics.text)")
            #expect(metrics.text.contains(#"method="other""#) && !metrics.text.contains("BREW"))
        }
        try await withAPI(mode: .production) { api in
            let anonymous = try await api.send(.get, "/metrics")
            #expect(anonymous.status == .forbidden)
            let patient = try await api.login()
            #expect(try await api.send(.get, "/metrics", token: patient.accessToken).status == .forbidden)
            let admin = try await api.staffLogin(role: .admin, username: "ops")
            #expect(try await api.send(.get, "/metrics", token: admin.accessToken).status == .ok)
        }
    }

    @Test("every response carries a request id, and the log line has the same id")
    func requestIds() async throws {
        let logs = LogCapture()
        try await withAPI(logs: logs) { api in
            let response = try await api.send(.get, "/v1/hospitals")
            let id = try #require(response.headers[HTTPField.Name("X-Request-Id")!])
            #expect(logs.text.contains(id))
            let problem = try await api.send(.get, "/v1/nope")
            #expect(problem.headers[HTTPField.Name("X-Request-Id")!] != nil)
        }
    }

    @Test("logs never contain phone numbers, codes, tokens, names or other personal data")
    func logsHoldNoSecrets() async throws {
        let logs = LogCapture()
        try await withAPI(logs: logs) { api in
            let session = try await api.login("13912345678")
            let code = api.sender.lastCode!
            _ = try await api.send(
                .post, "/v1/patients",
                json: #"{"name":"欧阳秘密","gender":"female","birthDate":"1990-02-03","idNumber":"11010519491231002X","phone":"13698765432"}"#,
                token: session.accessToken)
            _ = try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(session.refreshToken)"}"#)
            _ = try await api.send(.get, "/v1/patients?cursor=secret-cursor", token: session.accessToken)
            let text = logs.text
            #expect(!text.isEmpty)
            for secret in [
                "13912345678", "3912345678", code, session.accessToken, session.refreshToken, "欧阳秘密",
                "11010519491231002X", "13698765432", "1990-02-03", "secret-cursor",
            ] {
                #expect(!text.contains(secret), "log contains \(secret.prefix(12))…")
            }
        }
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("production refuses to start without a JWT secret, without TLS (unless behind a proxy), without an SMS webhook")
    func productionNeedsSecrets() throws {
        var config = AppConfiguration()
        config.mode = .production
        #expect(throws: ConfigurationError.self) { try config.validate() }
        config.jwtSecret = "short"
        #expect(throws: ConfigurationError.self) { try config.validate() }
        config.jwtSecret = String(repeating: "x", count: 48)
        config.otpWebhookURL = "https://sms.example/send"
        config.otpWebhookSecret = "shared"
        do {
            try config.validate()
            Issue.record("production without TLS started")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("--behind-proxy"))
        }
        config.behindProxy = true
        try config.validate()
        config.behindProxy = false
        config.tlsCertificatePath = "/etc/companion/cert.pem"
        #expect(throws: ConfigurationError.self) { try config.validate() }
        config.tlsKeyPath = "/etc/companion/key.pem"
        try config.validate()
    }

    @Test("dev mode listens on loopback only, unless allowed on a network")
    func devModeStaysOnLoopback() throws {
        var config = AppConfiguration()
        for host in ["127.0.0.1", "::1", "localhost", "127.0.0.2"] {
            config.host = host
            try config.validate()
        }
        for host in ["0.0.0.0", "::", "192.168.1.20", "127.evil.example"] {
            config.host = host
            #expect(throws: ConfigurationError.self, "\(host)") { try config.validate() }
        }
        config.allowDevOnNetwork = true
        try config.validate()
        config.mode = .production
        config.allowDevOnNetwork = false
        config.jwtSecret = String(repeating: "x", count: 48)
        config.otpWebhookURL = "https://sms.example/send"
        config.otpWebhookSecret = "shared"
        config.behindProxy = true
        try config.validate()
    }

    @Test("dev mode starts with nothing configured and stores SQLite under the data folder")
    func devDefaults() throws {
        let config = AppConfiguration()
        try config.validate()
        #expect(config.mode == .dev)
        #expect(config.port == 8080 && config.host == "127.0.0.1")
        #expect(config.effectiveDatabaseURL.hasPrefix("sqlite://"))
        #expect(config.effectiveDatabaseURL.hasSuffix("data/companion.sqlite"))
    }
}
