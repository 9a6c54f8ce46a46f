import Foundation
import SQLKit
import Storage

/// One access to someone's health data: who, what, whose, when; never the data itself.
public struct AccessEntry: Sendable, Equatable {
    public let id: String
    public let at: Date
    /// `patient:<account>`, `doctor:<staff>`, `admin:<staff>`.
    public let actor: String
    public let action: String
    public let accountId: String?
    public let patientId: String?
    /// `conversation`, `account`, `record` or `encounter` (a transcript).
    public let subjectKind: String
    public let subjectId: String
}

/// Who read which conversation, record, draft or transcript, and when, for administrators: the records' own audit
/// (`record_audit`, reads and writes) together with the reads logged here (`access_log`: conversations read back,
/// accounts exported). Both are kept as long as the audit retention says (`RetentionRule.standard`).
struct HealthAccessLog: Sendable {
    let database: Database
    let clock: any NowProvider

    /// Writes one read, in a transaction of its own.
    func read(_ action: String, by actor: String, accountId: String?, patientId: String?, kind: String, id: String) async throws {
        try await database.write(
            """
            INSERT INTO access_log (id, at, actor, action, account_id, patient_id, subject_kind, subject_id)
            VALUES (\(bind: Identifier.make("acc_log")), \(bind: Clock.millis(clock.now())), \(bind: actor), \(bind: action),
                    \(bind: accountId), \(bind: patientId), \(bind: kind), \(bind: id))
            """)
    }

    /// Newest first, filtered by whose data, by whom and when; a page of at most `limit` and the cursor of the next.
    func entries(
        accountId: String?, patientId: String?, actor: String?, since: Date?, until: Date?, limit: Int,
        cursor: String?
    ) async throws -> (items: [AccessEntry], nextCursor: String?) {
        let after = try cursor.map(PageCursor.init(token:))
        var filters: [SQLQueryString] = ["1 = 1"]
        if let accountId { filters.append("account_id = \(bind: accountId)") }
        if let patientId { filters.append("patient_id = \(bind: patientId)") }
        if let actor { filters.append("actor = \(bind: actor)") }
        if let since { filters.append("at >= \(bind: Clock.millis(since))") }
        if let until { filters.append("at < \(bind: Clock.millis(until))") }
        if let after { filters.append("(at < \(bind: after.millis) OR (at = \(bind: after.millis) AND id < \(bind: after.id)))") }
        let rows = try await database.sql.raw(
            """
            SELECT * FROM (
              SELECT id, at, actor, action, account_id, patient_id, subject_kind, subject_id FROM access_log
              UNION ALL
              SELECT r.id, r.at, r.actor, r.action, e.account_id, e.patient_id,
                     CASE WHEN r.record_id IS NULL THEN 'encounter' ELSE 'record' END, COALESCE(r.record_id, r.encounter_id)
              FROM record_audit r LEFT JOIN encounters e ON e.id = r.encounter_id
            ) AS log
            """ + " WHERE " + filters.joined(separator: " AND ") + " ORDER BY at DESC, id DESC LIMIT \(bind: limit + 1)"
        ).all()
        let items = try rows.prefix(limit).map { row in
            AccessEntry(
                id: try row.decode(column: "id", as: String.self), at: Clock.date(millis: try row.decode(column: "at", as: Int64.self)),
                actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
                accountId: try row.decode(column: "account_id", as: String?.self), patientId: try row.decode(column: "patient_id", as: String?.self),
                subjectKind: try row.decode(column: "subject_kind", as: String.self),
                subjectId: try row.decode(column: "subject_id", as: String.self))
        }
        let next = rows.count > limit ? items.last.map { PageCursor(millis: Clock.millis($0.at), id: $0.id).token } : nil
        return (items, next)
    }

    /// Inside an account's deletion: its lines name the pseudonym instead, and no profile.
    static func pseudonymise(accountId: String, pseudonym: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE access_log SET account_id = \(bind: pseudonym), patient_id = NULL,
              subject_id = CASE WHEN subject_kind = 'account' THEN \(bind: pseudonym) ELSE subject_id END,
              actor = CASE WHEN actor = \(bind: "patient:" + accountId) THEN \(bind: "patient:" + pseudonym) ELSE actor END
            WHERE account_id = \(bind: accountId)
            """
        ).run()
    }
}
