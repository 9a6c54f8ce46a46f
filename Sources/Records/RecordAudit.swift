import Foundation
import SQLKit
import Storage

/// The audit log of records: one line per read or write, in the same transaction as a write.
enum RecordAudit {
    static func write(_ db: any SQLDatabase, recordId: String?, encounterId: String, actor: RecordActor, action: String, at millis: Int64)
        async throws
    {
        try await db.raw(
            """
            INSERT INTO record_audit (id, record_id, encounter_id, actor, action, at)
            VALUES (\(bind: Identifier.make("aud")), \(bind: recordId), \(bind: encounterId), \(bind: actor.auditName), \(bind: action), \(bind: millis))
            """
        ).run()
    }

    /// Records a read, which writes nothing else, as a transaction of its own (through the writer on SQLite).
    static func write(
        _ database: Database, recordId: String?, encounterId: String, actor: RecordActor, action: String,
        at millis: Int64
    ) async throws {
        try await database.transaction { db in
            try await write(db, recordId: recordId, encounterId: encounterId, actor: actor, action: action, at: millis)
        }
    }
}

extension Records {
    /// The audit log of a record, oldest first (admins only).
    public func auditLog(recordId: String, by actor: RecordActor) async throws -> [AuditEntry] {
        guard case .admin = actor else { throw NotFound("record") }
        guard try await database.sql.raw("SELECT id FROM records WHERE id = \(bind: recordId)").first() != nil else { throw NotFound("record") }
        return try await database.sql.raw("SELECT * FROM record_audit WHERE record_id = \(bind: recordId) ORDER BY at, id").all().map { row in
            AuditEntry(
                recordId: try row.decode(column: "record_id", as: String?.self), encounterId: try row.decode(column: "encounter_id", as: String.self),
                actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
                at: Clock.date(millis: try row.decode(column: "at", as: Int64.self)))
        }
    }
}
