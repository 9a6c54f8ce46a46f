import Foundation
import SQLKit
import Storage

/// One change to a hospital's directory or settings.
public struct HospitalChange: Sendable, Equatable {
    public let id: String
    public let at: Date
    /// `admin:<staff>` for the admin routes, `cli` for `companion hospital import`.
    public let actor: String
    /// `bundle_imported` or `settings_saved`.
    public let action: String
    public let hospitalId: String
    /// What changed: counts and ids, never patients' data.
    public let summary: String
}

/// The audit of hospital changes (`hospital_changes`), kept as long as the other audits.
public struct HospitalChangeLog: Sendable {
    let database: Database
    let clock: any NowProvider

    public init(database: Database, clock: any NowProvider = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// Writes one change, in a transaction of its own.
    public func record(_ action: String, by actor: String, hospitalId: String, summary: String) async throws {
        try await database.write(
            """
            INSERT INTO hospital_changes (id, at, actor, action, hospital_id, summary)
            VALUES (\(bind: Identifier.make("hchg")), \(bind: Clock.millis(clock.now())), \(bind: actor), \(bind: action), \(bind: hospitalId),
                    \(bind: String(summary.prefix(4_000))))
            """)
    }

    /// The newest changes first, of one hospital or of all.
    public func changes(hospitalId: String?, limit: Int) async throws -> [HospitalChange] {
        let filter: SQLQueryString = hospitalId.map { "WHERE hospital_id = \(bind: $0)" } ?? ""
        let rows = try await database.sql.raw(
            "SELECT * FROM hospital_changes " + filter + " ORDER BY at DESC, id DESC LIMIT \(bind: limit)"
        ).all()
        return try rows.map {
            HospitalChange(
                id: try $0.decode(column: "id", as: String.self), at: Clock.date(millis: try $0.decode(column: "at", as: Int64.self)),
                actor: try $0.decode(column: "actor", as: String.self), action: try $0.decode(column: "action", as: String.self),
                hospitalId: try $0.decode(column: "hospital_id", as: String.self), summary: try $0.decode(column: "summary", as: String.self))
        }
    }
}

extension HospitalImportReport {
    /// The audit's summary: counts by kind and action, then the ids.
    public var auditSummary: String {
        guard !changes.isEmpty else { return "no change" }
        var counts: [String: Int] = [:]
        for change in changes { counts["\(change.kind) \(change.action.rawValue)", default: 0] += 1 }
        let head = counts.keys.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: ", ")
        let closing = cancelledSessions > 0 ? "; \(cancelledSessions) session(s) closed" : ""
        return head + closing + "; " + changes.map { "\($0.action.rawValue) \($0.kind) \($0.id)" }.joined(separator: ", ")
    }
}
