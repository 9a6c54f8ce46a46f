/// A column that holds sealed health text, with the columns that find its row.
public struct SealedColumn: Sendable {
    public let table: String
    /// The row's key columns; `integerKeys` names those that are numbers.
    public let keys: [String]
    public let column: String
    public let purpose: SealedPurpose
    public var integerKeys: Set<String> = ["seq", "revision"]
}

/// Every sealed column of the schema: what a key rotation re-seals, and what the tests look through.
public enum SealedColumns {
    public static let all: [SealedColumn] = [
        SealedColumn(table: "conversations", keys: ["id"], column: "state", purpose: .conversation),
        SealedColumn(table: "conversation_turns", keys: ["conversation_id", "seq"], column: "text", purpose: .conversation),
        SealedColumn(table: "conversation_turns", keys: ["conversation_id", "seq"], column: "reply", purpose: .conversation),
        SealedColumn(table: "encounter_turns", keys: ["encounter_id", "seq"], column: "text", purpose: .transcript),
        SealedColumn(table: "records", keys: ["id"], column: "sections", purpose: .record),
        SealedColumn(table: "records", keys: ["id"], column: "amendment_reason", purpose: .record),
        SealedColumn(table: "record_revisions", keys: ["record_id", "revision"], column: "sections", purpose: .record),
        SealedColumn(table: "record_revisions", keys: ["record_id", "revision"], column: "diff", purpose: .record),
        SealedColumn(table: "appointments", keys: ["id"], column: "reason", purpose: .appointment),
        SealedColumn(table: "appointments", keys: ["id"], column: "cancel_reason", purpose: .appointment),
        SealedColumn(table: "appointment_history", keys: ["id"], column: "note", purpose: .appointment),
        SealedColumn(table: "notifications", keys: ["id"], column: "title", purpose: .notification),
        SealedColumn(table: "notifications", keys: ["id"], column: "body", purpose: .notification),
        SealedColumn(table: "idempotency_keys", keys: ["owner", "key"], column: "body", purpose: .idempotency),
        SealedColumn(table: "speech_requests", keys: ["key"], column: "text", purpose: .speech),
        SealedColumn(table: "patients", keys: ["id"], column: "allergies", purpose: .profile),
    ]
}
