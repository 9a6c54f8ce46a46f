import Accounts
import CompanionAPI
import CompanionTestSupport
import Dialogue
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Prometheus
import Scheduling
import Speech
import Storage

/// A client of the API in tests: sends JSON, keeps nothing between calls.
struct API: Sendable {
    let client: any TestClientProtocol
    let database: Database
    let sender: CapturingSender
    /// The server's speech, its cache sealed with the database's keys.
    var speech: SpeechService? = nil

    /// Sends a request; `json` is sent as the body with `Content-Type: application/json`.
    func send(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, token: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if json != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await client.executeRequest(uri: path, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
    }

    /// Sends raw bytes as the body.
    func send(
        _ method: HTTPRequest.Method, _ path: String, bytes: [UInt8], token: String? = nil,
        contentType: String = "application/json"
    ) async throws -> TestResponse {
        var fields: HTTPFields = [.contentType: contentType]
        if let token { fields[.authorization] = "Bearer \(token)" }
        return try await client.executeRequest(uri: path, method: method, headers: fields, body: ByteBuffer(bytes: bytes))
    }

    /// Logs in a phone through the real OTP routes and returns its tokens; unless `consenting` is false, the account
    /// then grants every consent for itself, as the app asks at first use.
    func login(_ phone: String = "13800138000", consenting: Bool = true) async throws -> Session {
        let sent = try await send(.post, "/v1/auth/otp", json: #"{"phone":"\#(phone)"}"#)
        guard sent.status == .accepted, let code = sender.lastCode else { throw HarnessError("otp: \(sent.status)") }
        let response = try await send(.post, "/v1/auth/token", json: #"{"phone":"\#(phone)","code":"\#(code)"}"#)
        guard response.status == .ok else { throw HarnessError("token: \(response.status) \(response.text)") }
        let session = try response.decode(Session.self)
        if consenting { try await consent(session.accessToken) }
        return session
    }

    /// Grants (or withdraws) consents on the current texts, for the account holder or for one of its profiles.
    func consent(
        _ token: String, _ purposes: [String] = ["health_conversation", "consultation_recording", "record_drafting"],
        patientId: String? = nil, granted: Bool = true
    ) async throws {
        let texts = try await send(.get, "/v1/consents", token: token).json()["texts"] as? [[String: Any]] ?? []
        for purpose in purposes {
            let version = texts.first { $0["purpose"] as? String == purpose }?["version"] as? String ?? "?"
            let patient = patientId.map { #","patientId":"\#($0)""# } ?? ""
            let decided = try await send(
                .put, "/v1/consents/\(purpose)", json: #"{"granted":\#(granted),"textVersion":"\#(version)"\#(patient)}"#,
                token: token)
            guard decided.status == .ok else { throw HarnessError("consent \(purpose): \(decided.status) \(decided.text)") }
        }
    }

    /// Creates a staff account directly and logs it in through the API.
    func staffLogin(role: Role, username: String = "staff.user") async throws -> Session {
        _ = try await StaffDirectory(database: database, clock: TestClock.wall())
            .add(username: username, password: "a long enough password", role: role, displayName: "Staff")
        let response = try await send(
            .post, "/v1/auth/staff-token",
            json: #"{"username":"\#(username)","password":"a long enough password"}"#)
        guard response.status == .ok else { throw HarnessError("staff-token: \(response.status)") }
        return try response.decode(Session.self)
    }

    /// Creates a patient profile and returns its id; unless `consenting` is false, the account grants every consent for
    /// it too (as guardian, for a child).
    func createPatient(
        _ token: String, name: String = "王小宝", birthDate: String = "2020-05-01",
        consenting: Bool = true
    ) async throws -> String {
        let response = try await send(.post, "/v1/patients", json: #"{"name":"\#(name)","gender":"male","birthDate":"\#(birthDate)"}"#, token: token)
        guard response.status == .created else { throw HarnessError("create patient: \(response.status) \(response.text)") }
        let id = try response.json()["id"] as! String
        if consenting { try await consent(token, patientId: id) }
        return id
    }
}

struct Session: Decodable, Sendable {
    let accessToken: String
    let refreshToken: String
    let accountId: String?
    let staffId: String?
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The SMS gateway stand-in: keeps codes instead of sending them, and reveals them in responses only when asked to
/// (as dev mode does).
final class CapturingSender: OTPSender, @unchecked Sendable {
    // The lock guards `codes`, the only mutable state.
    private let lock = NSLock()
    private var codes: [String] = []
    let revealsCode: Bool
    init(revealsCode: Bool = false) { self.revealsCode = revealsCode }
    func send(code: String, to phone: PhoneNumber) async throws { lock.withLock { codes.append(code) } }
    var lastCode: String? { lock.withLock { codes.last } }
    var count: Int { lock.withLock { codes.count } }
}

/// Collects every log line (message and metadata) so tests can prove what never reaches the logs.
final class LogCapture: @unchecked Sendable {
    // The lock guards `lines`, the only mutable state.
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    var logger: Logger {
        Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.append("\(event.level) \(event.message) \(merged.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:] }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: Data(body.readableBytesView)) }
    /// The problem's `code`, when the response is a problem.
    var problemCode: String? { (try? json())?["code"] as? String }
    var isProblem: Bool { headers[.contentType] == "application/problem+json" }
}

/// Runs `body` against a fresh server (in-process router, or listening on loopback when `live`) on a fresh database
/// with the demo hospital. A live server reveals login codes in its responses, as dev mode does.
func withAPI(
    _ engine: TestEngine = .sqlite,
    mode: AppConfiguration.Mode = .dev,
    clock: any NowProvider = TestClock.wall(),
    codeLimits: CodeLimits = CodeLimits(),
    requestLimits: RequestLimits = RequestLimits(),
    logs: LogCapture? = nil,
    live: Bool = false,
    demoHospital: Bool = true,
    understanding: any Understanding = BuiltInUnderstanding(),
    _ body: @escaping @Sendable (API) async throws -> Void
) async throws {
    try await TestDatabase.with(engine) { db in
        if demoHospital { try await DemoHospital.seed(into: db) }
        let sender = CapturingSender(revealsCode: live)
        let speech = try testSpeechService(sealedBy: db)
        let services = try await Services(
            database: db, clock: clock, otpSender: sender, secret: String(repeating: "k", count: 40),
            speech: speech, codeLimits: codeLimits, requestLimits: requestLimits, understanding: understanding)
        // The application production runs: its routes and its services (database, waitlist, retention, keys, speech).
        var configuration = AppConfiguration()
        configuration.mode = mode
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let app = try buildApplication(
            configuration: configuration, services: services, registry: PrometheusCollectorRegistry(), logger: logs?.logger ?? quietLogger)
        try await app.test(live ? .live : .router) { client in
            try await body(API(client: client, database: db, sender: sender, speech: speech))
        }
    }
}

/// A speech service for a test's server, its cache in a new folder under this process's own, sealed with the
/// database's keys as the server's is.
func testSpeechService(sealedBy database: Database) throws -> SpeechService {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("companion-api-tests-\(getpid())-speech")
        .appendingPathComponent(UUID().uuidString)
    return SpeechService(cache: try SpeechCache(directory: folder, capacityBytes: 256 << 20, sealing: database.speechSealing))
}
