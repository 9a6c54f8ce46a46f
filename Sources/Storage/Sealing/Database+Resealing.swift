import Foundation
import SQLKit

extension Database {
    /// Seals again, with each purpose's key current at `now`, every value of every sealed column that another key
    /// sealed or that was written before sealing existed; batch by batch, each row changed only if it still holds what
    /// was read, so a write racing the pass is never overwritten. Returns how many values were re-sealed per table.
    public func reseal(now: Date = Date(), batchSize: Int = 500) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for column in SealedColumns.all {
            let count = try await reseal(column, keyId: try sealingKey(column.purpose, at: now), batchSize: batchSize)
            if count > 0 { counts[column.table + "." + column.column, default: 0] += count }
        }
        return counts
    }

    private func reseal(_ column: SealedColumn, keyId: String, batchSize: Int) async throws -> Int {
        let current = Sealed.mark + keyId + ":"
        let keys = column.keys.map { SQLIdentifier($0) }
        let value = SQLIdentifier(column.column)
        var total = 0
        while true {
            let rows = try await sql.select().columns(keys + [value]).from(column.table)
                .where(value, .isNot, SQLLiteral.null)
                .where(
                    SQLFunction("substr", args: value, SQLLiteral.numeric("1"), SQLLiteral.numeric("\(current.utf8.count)")),
                    .notEqual, SQLBind(current)
                )
                .limit(batchSize).all()
            if rows.isEmpty { return total }
            try await transaction { db in
                for row in rows {
                    let stored = try row.decode(column: column.column, as: String.self)
                    let resealed = try Sealed.seal(try Sealed.open(stored, column.purpose), purpose: column.purpose, keyId: keyId)
                    var update = db.update(column.table).set(value, to: resealed).where(value, .equal, stored)
                    for key in column.keys {
                        update =
                            column.integerKeys.contains(key)
                            ? update.where(SQLIdentifier(key), .equal, try row.decode(column: key, as: Int.self))
                            : update.where(SQLIdentifier(key), .equal, try row.decode(column: key, as: String.self))
                    }
                    try await update.run()
                }
            }
            total += rows.count
        }
    }
}
