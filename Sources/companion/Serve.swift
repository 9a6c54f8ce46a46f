import Accounts
import ArgumentParser
import CompanionAPI
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import Scheduling
import ServiceLifecycle
import Speech
import Storage

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the HTTP(S) JSON API.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var model: ModelOptions
    @Option(
        help:
            "builtin, or model: the model server (--model-url) reads each message under the built-in rails. Env: COMPANION_CONVERSATION_ENGINE. Default: builtin"
    ) var conversationEngine: String?
    @Option(help: "Address to listen on. Env: COMPANION_HOST. Default: 127.0.0.1") var host: String?
    @Option(help: "Port. Env: COMPANION_PORT. Default: 8080") var port: Int?
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain; serves HTTPS (HTTP/1.1 and HTTP/2). Env: COMPANION_TLS_CERT")
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key. Env: COMPANION_TLS_KEY") var tlsKey: String?
    @Option(help: "dev or production. Env: COMPANION_MODE. Default: dev") var mode: String?
    @Option(name: .customLong("jwt-secret"), help: "Secret for tokens (≥ 32 chars; required in production). Env: COMPANION_JWT_SECRET") var jwtSecret:
        String?
    @Option(name: .customLong("hold-minutes"), help: "How long a hold keeps a place. Env: COMPANION_HOLD_MINUTES. Default: 5") var holdMinutes: Int?
    @Option(
        name: .customLong("cancel-cutoff-minutes"),
        help: "Patients may cancel until this long before the slot. Env: COMPANION_CANCEL_CUTOFF_MINUTES. Default: 120") var cancelCutoffMinutes: Int?
    @Option(name: .customLong("daily-limit"), help: "Bookings per account per day. Env: COMPANION_DAILY_LIMIT. Default: 5") var dailyLimit: Int?
    @Option(name: .customLong("holds-per-account"), help: "Places one account may hold at once. Env: COMPANION_HOLDS_PER_ACCOUNT. Default: 3")
    var holdsPerAccount: Int?
    @Option(
        name: .customLong("changes-per-minute"),
        help: "Holds and moves one account may make per minute. Env: COMPANION_CHANGES_PER_MINUTE. Default: 10")
    var changesPerMinute: Int?
    @Option(
        name: .customLong("waitlist-per-patient"),
        help: "Waitlist entries one patient may have at once. Env: COMPANION_WAITLIST_PER_PATIENT. Default: 3")
    var waitlistPerPatient: Int?
    @Option(
        name: .customLong("codes-per-client"),
        help: "Login codes one client address may ask for in an hour. Env: COMPANION_CODES_PER_CLIENT. Default: 30")
    var codesPerClient: Int?
    @Option(name: .customLong("codes-per-hour"), help: "Login codes the whole service sends in an hour. Env: COMPANION_CODES_PER_HOUR. Default: 3000")
    var codesPerHour: Int?
    @Option(
        name: .customLong("turns-per-minute"),
        help: "Conversation turns one account may send in a minute. Env: COMPANION_TURNS_PER_MINUTE. Default: 20")
    var turnsPerMinute: Int?
    @Option(
        name: .customLong("speech-per-minute"),
        help: "Syntheses one caller may ask for in a minute. Env: COMPANION_SPEECH_PER_MINUTE. Default: 30")
    var speechPerMinute: Int?
    @Option(
        name: .customLong("speech-cache-mb"),
        help: "Disk space for synthesised audio under <data-dir>/speech-cache. Env: COMPANION_SPEECH_CACHE_MB. Default: 512")
    var speechCacheMegabytes: Int?
    @Option(
        name: .customLong("speech-cache-days"),
        help: "Synthesised audio is deleted this many days after it was made. Env: COMPANION_SPEECH_CACHE_DAYS. Default: 7") var speechCacheDays: Int?
    @Option(
        name: .customLong("audit-days"),
        help: """
            Who read or wrote whose health data is kept this many days (180–36500). Env: COMPANION_AUDIT_DAYS. Default: 5475 (15 years)
            """) var auditDays: Int?
    @Flag(name: .customLong("behind-proxy"), help: "A proxy terminates TLS (allows production without --tls-cert). Env: COMPANION_BEHIND_PROXY=1")
    var behindProxy = false

    @Flag(
        name: .customLong("allow-dev-on-network"),
        help: "Let dev mode listen beyond loopback (a closed test network only). Env: COMPANION_ALLOW_DEV_ON_NETWORK=1")
    var allowDevOnNetwork = false

    func configuration(environment env: [String: String]) throws -> AppConfiguration {
        var c = AppConfiguration()
        c.host = host ?? env["COMPANION_HOST"] ?? c.host
        if let value = port ?? env["COMPANION_PORT"].flatMap(Int.init) { c.port = value }
        c.dataDirectory = database.resolvedDataDirectory
        c.databaseURL = database.resolvedDatabaseURL
        c.tlsCertificatePath = tlsCertificate ?? env["COMPANION_TLS_CERT"]
        c.tlsKeyPath = tlsKey ?? env["COMPANION_TLS_KEY"]
        let modeText = mode ?? env["COMPANION_MODE"] ?? "dev"
        guard let parsed = AppConfiguration.Mode(rawValue: modeText) else { throw ValidationError("--mode must be dev or production") }
        c.mode = parsed
        c.jwtSecret = jwtSecret ?? env["COMPANION_JWT_SECRET"]
        c.behindProxy = behindProxy || ["1", "true", "yes"].contains(env["COMPANION_BEHIND_PROXY"]?.lowercased() ?? "")
        c.allowDevOnNetwork = allowDevOnNetwork || ["1", "true", "yes"].contains(env["COMPANION_ALLOW_DEV_ON_NETWORK"]?.lowercased() ?? "")
        c.otpWebhookURL = env["COMPANION_OTP_WEBHOOK_URL"]
        c.otpWebhookSecret = env["COMPANION_OTP_WEBHOOK_SECRET"]
        c.logLevel = database.resolvedLogLevel
        return c
    }

    /// The registration rules from flags and environment, each checked for a sane range.
    func rules(environment env: [String: String]) throws -> SchedulingRules {
        var rules = SchedulingRules()
        if let minutes = try Self.setting(holdMinutes, "COMPANION_HOLD_MINUTES", 1...60, env) { rules.holdDuration = Double(minutes * 60) }
        if let minutes = try Self.setting(cancelCutoffMinutes, "COMPANION_CANCEL_CUTOFF_MINUTES", 0...10_080, env) {
            rules.cancelCutoff = Double(minutes * 60)
        }
        if let limit = try Self.setting(dailyLimit, "COMPANION_DAILY_LIMIT", 1...100, env) { rules.dailyLimitPerAccount = limit }
        if let limit = try Self.setting(holdsPerAccount, "COMPANION_HOLDS_PER_ACCOUNT", 1...20, env) { rules.liveHoldsPerAccount = limit }
        if let limit = try Self.setting(changesPerMinute, "COMPANION_CHANGES_PER_MINUTE", 1...1_000, env) { rules.holdsAndMovesPerMinute = limit }
        if let limit = try Self.setting(waitlistPerPatient, "COMPANION_WAITLIST_PER_PATIENT", 1...20, env) { rules.waitlistEntriesPerPatient = limit }
        return rules
    }

    /// The login-code limits from flags and environment.
    func codeLimits(environment env: [String: String]) throws -> CodeLimits {
        var limits = CodeLimits()
        if let limit = try Self.setting(codesPerClient, "COMPANION_CODES_PER_CLIENT", 1...100_000, env) { limits.perClient = limit }
        if let limit = try Self.setting(codesPerHour, "COMPANION_CODES_PER_HOUR", 1...10_000_000, env) { limits.perService = limit }
        return limits
    }

    /// The per-minute request limits from flags and environment.
    func requestLimits(environment env: [String: String]) throws -> RequestLimits {
        let defaults = RequestLimits()
        return RequestLimits(
            turnsPerMinute: try Self.setting(turnsPerMinute, "COMPANION_TURNS_PER_MINUTE", 1...10_000, env) ?? defaults.turns.perWindow,
            speechPerMinute: try Self.setting(speechPerMinute, "COMPANION_SPEECH_PER_MINUTE", 1...10_000, env) ?? defaults.speech.perWindow)
    }

    func speechCacheBytes(environment env: [String: String]) throws -> Int {
        (try Self.setting(speechCacheMegabytes, "COMPANION_SPEECH_CACHE_MB", 1...1_000_000, env) ?? 512) << 20
    }

    func auditKept(environment env: [String: String]) throws -> TimeInterval {
        try Self.setting(auditDays, "COMPANION_AUDIT_DAYS", 180...36_500, env).map { TimeInterval($0) * 86_400 } ?? RetentionRule.auditKeptByDefault
    }

    func speechCacheMaxAge(environment env: [String: String]) throws -> TimeInterval {
        TimeInterval((try Self.setting(speechCacheDays, "COMPANION_SPEECH_CACHE_DAYS", 1...365, env) ?? 7) * 86_400)
    }

    /// A whole-number setting from its flag, else its environment variable, checked for its range; nil when neither.
    private static func setting(_ flag: Int?, _ name: String, _ range: ClosedRange<Int>, _ env: [String: String]) throws -> Int? {
        guard let value = flag ?? env[name].flatMap(Int.init) else {
            if env[name] != nil { throw ValidationError("\(name) must be a whole number") }
            return nil
        }
        guard range.contains(value) else { throw ValidationError("\(name) must be in \(range.lowerBound)…\(range.upperBound)") }
        return value
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var config = try configuration(environment: environment)
        let rules = try rules(environment: environment), codeLimits = try codeLimits(environment: environment)
        let requestLimits = try requestLimits(environment: environment), auditKept = try auditKept(environment: environment)
        // Checked before the database is opened, like every other setting.
        let speechCacheBytes = try speechCacheBytes(environment: environment), speechCacheMaxAge = try speechCacheMaxAge(environment: environment)
        try config.validate()
        let logger = try database.bootstrapLogging()
        if config.jwtSecret == nil { config.jwtSecret = try DevSecret.load(dataDirectory: config.dataDirectory) }

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let masterKey = try database.masterKey(makeInDataFolder: config.mode == .dev)
        let db = try await database.openMigrated(logger: logger, requireTLS: config.mode == .production, unlockingWith: masterKey)
        if config.mode == .dev, try await DemoHospital.seed(into: db) { logger.info("demo hospital seeded") }
        // Every hospital's weekly schedule (its settings) gives the sessions still missing from today on.
        let created = try await ClinicSchedule.seedFromToday(into: db)
        if created > 0 { logger.info("clinic sessions created", metadata: ["sessions": "\(created)"]) }
        if try await Directory(database: db).hospitals().isEmpty {
            logger.warning("no hospital imported yet: conversations are refused until one is (companion hospital import BUNDLE.json)")
        }
        let sender: any OTPSender =
            config.mode == .dev
            ? DevOTPSender(logger: logger)
            : WebhookOTPSender(url: config.otpWebhookURL!, signingSecret: config.otpWebhookSecret!)
        let cacheFolder = URL(fileURLWithPath: config.dataDirectory).appendingPathComponent("speech-cache")
        let speech = SpeechService(
            cache: try SpeechCache(
                directory: cacheFolder, capacityBytes: speechCacheBytes, maxAge: speechCacheMaxAge,
                sealing: db.speechSealing))
        // In dev mode the clock can be moved through /v1/dev/clock (journeys jump to the release minute, the visit day).
        let clock: any NowProvider = config.mode == .dev ? OffsetClock() : SystemClock()
        let engine = conversationEngine ?? environment["COMPANION_CONVERSATION_ENGINE"] ?? "builtin"
        let services = try await Services(
            database: db, clock: clock, otpSender: sender, secret: config.jwtSecret!,
            speech: speech, rules: rules, codeLimits: codeLimits,
            requestLimits: requestLimits, drafting: try model.drafting(logger: logger),
            understanding: try model.understanding(named: engine), answers: try model.answers(engine: engine),
            auditKept: auditKept)
        let app = try buildApplication(configuration: config, services: services, registry: registry, logger: logger)
        logger.notice(
            "companion serving",
            metadata: [
                "url": "\(config.usesTLS ? "https" : "http")://\(config.host):\(config.port)",
                "mode": "\(config.mode.rawValue)", "database": "\(db.url)",
            ])
        try await app.runService()
    }
}

/// In dev mode without a configured secret, one random secret is kept in the data folder so that tokens
/// survive a restart. Production never uses it.
enum DevSecret {
    static func load(dataDirectory: String) throws -> String {
        let folder = URL(fileURLWithPath: dataDirectory)
        let file = folder.appendingPathComponent("dev-jwt-secret")
        if let existing = try? String(contentsOf: file, encoding: .utf8), existing.count >= 32 { return existing }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let secret = (0..<48).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".randomElement()! }
        try String(secret).write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return String(secret)
    }
}
