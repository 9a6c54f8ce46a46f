import Crypto
import Foundation
import SQLKit

/// One data key as the database lists it: which purpose it seals, and from when.
public struct DataKeyEntry: Sendable, Equatable {
    public let id: String
    public let purpose: SealedPurpose
    /// Epoch milliseconds from which this key seals (until a later key of its purpose is active).
    public let activeFrom: Int64
}

/// The data keys of one database, unwrapped with the master key and made known to `Sealed`.
enum KeyRing {
    /// Loads every data key and returns them per purpose, oldest activation first; a purpose without any gets its
    /// first key (active at once). Strict (at start) a key wrapped by another master key is an error; otherwise
    /// (a refresh while serving) a key this process already holds is kept and an unknown one is skipped.
    static func load(master: MasterKey, database: Database, now: Date, strict: Bool) async throws -> [SealedPurpose: [DataKeyEntry]] {
        for attempt in 0..<2 {
            var entries: [SealedPurpose: [DataKeyEntry]] = [:]
            for row in try await database.sql.raw("SELECT id, purpose, master_key_id, wrapped, active_from FROM data_keys").all() {
                let id = try row.decode(column: "id", as: String.self)
                guard let purpose = SealedPurpose(rawValue: try row.decode(column: "purpose", as: String.self)) else { continue }
                let wrappedBy = try row.decode(column: "master_key_id", as: String.self)
                if wrappedBy == master.id {
                    Sealed.register(
                        id: id, purpose: purpose,
                        key: try unwrap(
                            try row.decode(column: "wrapped", as: String.self), id: id,
                            purpose: purpose, master: master))
                } else if strict {
                    throw StorageError.badMasterKey("data key \(id) was wrapped by master key \(wrappedBy), but this server was given \(master.id)")
                } else if !Sealed.knows(id) {
                    continue
                }
                let activeFrom = try row.decode(column: "active_from", as: Int64.self)
                entries[purpose, default: []].append(DataKeyEntry(id: id, purpose: purpose, activeFrom: activeFrom))
            }
            let missing = SealedPurpose.allCases.filter { entries[$0] == nil }
            if missing.isEmpty { return entries.mapValues { $0.sorted { ($0.activeFrom, $0.id) < ($1.activeFrom, $1.id) } } }
            guard attempt == 0 else { break }
            // Instances starting together may each add a first key: the unique activation keeps one, the reload finds it.
            try await add(missing, activeFrom: 0, master: master, database: database, now: now)
        }
        throw StorageError.badMasterKey("the data keys could not be made")
    }

    /// Adds a new key for each purpose, sealing from `activeFrom` (epoch milliseconds).
    static func add(_ purposes: [SealedPurpose], activeFrom: Int64, master: MasterKey, database: Database, now: Date) async throws {
        try await database.transaction { db in
            for purpose in purposes {
                let id = Identifier.make("dk")
                let wrapped = try wrap(SymmetricKey(size: .bits256), id: id, purpose: purpose, master: master)
                try await db.raw(
                    """
                    INSERT INTO data_keys (id, purpose, master_key_id, wrapped, created_at, active_from)
                    VALUES (\(bind: id), \(bind: purpose.rawValue), \(bind: master.id), \(bind: wrapped), \(bind: Clock.millis(now)),
                            \(bind: activeFrom))
                    ON CONFLICT DO NOTHING
                    """
                ).run()
            }
        }
    }

    /// Wraps every data key with `new` instead of `old`, in one transaction.
    static func rewrap(from old: MasterKey, to new: MasterKey, database: Database) async throws {
        try await database.transaction { db in
            for row in try await db.raw("SELECT id, purpose, master_key_id, wrapped FROM data_keys").all() {
                let id = try row.decode(column: "id", as: String.self)
                guard try row.decode(column: "master_key_id", as: String.self) == old.id,
                    let purpose = SealedPurpose(rawValue: try row.decode(column: "purpose", as: String.self))
                else { continue }
                let key = try unwrap(try row.decode(column: "wrapped", as: String.self), id: id, purpose: purpose, master: old)
                let wrapped = try wrap(key, id: id, purpose: purpose, master: new)
                try await db.raw("UPDATE data_keys SET wrapped = \(bind: wrapped), master_key_id = \(bind: new.id) WHERE id = \(bind: id)").run()
            }
        }
    }

    static func wrap(_ key: SymmetricKey, id: String, purpose: SealedPurpose, master: MasterKey) throws -> String {
        let bytes = key.withUnsafeBytes { Data($0) }
        return try AES.GCM.seal(bytes, using: master.key, authenticating: Data((id + "/" + purpose.rawValue).utf8)).combined!.base64EncodedString()
    }

    static func unwrap(_ wrapped: String, id: String, purpose: SealedPurpose, master: MasterKey) throws -> SymmetricKey {
        guard let combined = Data(base64Encoded: wrapped),
            let bytes = try? AES.GCM.open(
                try AES.GCM.SealedBox(combined: combined), using: master.key,
                authenticating: Data((id + "/" + purpose.rawValue).utf8))
        else {
            throw StorageError.badMasterKey("data key \(id) does not open with the master key given")
        }
        return SymmetricKey(data: bytes)
    }
}
