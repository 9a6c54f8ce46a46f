import Foundation
import SQLKit

/// How long each table that grows with use keeps its rows. Appointments and records are the hospital's and are
/// kept; their audit as long as configured; conversations go with the patient ("forget me"). Everything here only supports a limit
/// or a short-lived step, so it goes once the limit or step can no longer need it.
public struct RetentionRule: Sendable, Equatable {
    public let table: String
    /// The time column the period counts from (indexed, so a sweep reads only what it deletes).
    public let column: String
    public let keep: TimeInterval

    public static let day: TimeInterval = 24 * 3600

    /// How long who-read-what is kept unless configured: 15 years, as long as an outpatient record (门诊病历).
    public static let auditKeptByDefault: TimeInterval = 15 * 365 * day

    /// The periods, each longer than the window of the limit or step the rows serve; what a synthesis said is kept as
    /// long as its audio (`speechKept`, the speech cache's maximum age); the audit of access to health data as long as
    /// the hospital configures (`auditKept`).
    public static func standard(speechKept: TimeInterval = 7 * day, auditKept: TimeInterval = auditKeptByDefault) -> [RetentionRule] {
        [
            // Per-phone and per-client code limits count the last hour; a code lives 5 minutes.
            RetentionRule(table: "otp_codes", column: "created_at", keep: day),
            // Past its expiry a refresh token is refused anyway; a day more keeps reuse answers the same meanwhile.
            RetentionRule(table: "refresh_tokens", column: "expires_at", keep: day),
            // The staff lockout counts the last 15 minutes.
            RetentionRule(table: "staff_login_failures", column: "at", keep: day),
            // A key answers retries for 24 hours.
            RetentionRule(table: "idempotency_keys", column: "created_at", keep: day),
            // A hold lives 5 minutes; waitlist entries and notifications name them for as long as they are kept.
            RetentionRule(table: "holds", column: "created_at", keep: 120 * day),
            // Registration opens at most weeks ahead: a waitlist entry this old is for a day long past.
            RetentionRule(table: "waitlist", column: "created_at", keep: 90 * day),
            // What the patient was told about past appointments.
            RetentionRule(table: "notifications", column: "created_at", keep: 90 * day),
            // What a synthesis said, for other instances to make its audio again, counted from when it was last made.
            RetentionRule(table: "speech_requests", column: "created_at", keep: speechKept),
            // Who it was said for, as long as what was said.
            RetentionRule(table: "speech_owners", column: "created_at", keep: speechKept),
            // Per-minute request counters.
            RetentionRule(table: "rate_counters", column: "window_start", keep: day),
            // Who read or wrote whose health data.
            RetentionRule(table: "access_log", column: "at", keep: auditKept),
            RetentionRule(table: "record_audit", column: "at", keep: auditKept),
            // Who changed a hospital's directory or settings.
            RetentionRule(table: "hospital_changes", column: "at", keep: auditKept),
        ]
    }
}

/// Deletes what the retention rules no longer keep, in batches through the writer so a large backlog never holds
/// a long transaction.
public struct RetentionSweep: Sendable {
    let database: Database
    let rules: [RetentionRule]
    static let batch = 500

    public init(database: Database, rules: [RetentionRule] = RetentionRule.standard()) {
        self.database = database
        self.rules = rules
    }

    /// Rows deleted per table (tables with none left out).
    public func run(now: Date) async throws -> [String: Int] {
        var deleted: [String: Int] = [:]
        let rowKey = database.engine == .sqlite ? "rowid" : "ctid"
        for rule in rules {
            let before = Clock.millis(now.addingTimeInterval(-rule.keep))
            while true {
                let count = try await database.transaction { db in
                    try await db.raw(
                        """
                        DELETE FROM \(unsafeRaw: rule.table) WHERE \(unsafeRaw: rowKey) IN (
                          SELECT \(unsafeRaw: rowKey) FROM \(unsafeRaw: rule.table)
                          WHERE \(unsafeRaw: rule.column) < \(bind: before) LIMIT \(unsafeRaw: String(Self.batch)))
                        RETURNING 1 AS gone
                        """
                    ).all().count
                }
                if count > 0 { deleted[rule.table, default: 0] += count }
                if count < Self.batch { break }
            }
        }
        return deleted
    }
}
