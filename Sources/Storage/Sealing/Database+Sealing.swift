import Foundation
import NIOConcurrencyHelpers

extension Database {
    /// Loads the data keys with the master key (making those still missing), so health text can be sealed and opened.
    public func unlock(with master: MasterKey, now: Date = Date()) async throws {
        let keys = try await KeyRing.load(master: master, database: self, now: now, strict: true)
        keyring.withLockedValue { $0 = (master, keys) }
    }

    /// Reloads the data keys, so keys another instance added (a rotation) are known here before they seal anything.
    public func refreshKeys(now: Date = Date()) async throws {
        guard let master = keyring.withLockedValue({ $0.master }) else { throw StorageError.locked }
        let keys = try await KeyRing.load(master: master, database: self, now: now, strict: false)
        keyring.withLockedValue { $0.keys = keys }
    }

    /// The data keys per purpose, oldest activation first.
    public var dataKeys: [SealedPurpose: [DataKeyEntry]] { keyring.withLockedValue { $0.keys } }

    /// The key that seals `purpose` at `now`: the latest already active.
    public func sealingKey(_ purpose: SealedPurpose, at now: Date = Date()) throws -> String {
        let millis = Clock.millis(now)
        guard let entry = keyring.withLockedValue({ $0.keys[purpose] })?.last(where: { $0.activeFrom <= millis }) else {
            throw StorageError.locked
        }
        return entry.id
    }

    /// Seals health text for storage (`Sealed`); refused before `unlock`.
    public func seal(_ text: String, _ purpose: SealedPurpose) throws -> String {
        try Sealed.seal(text, purpose: purpose, keyId: try sealingKey(purpose))
    }

    /// `seal` for a value that may be absent.
    public func seal(_ text: String?, _ purpose: SealedPurpose) throws -> String? {
        try text.map { try seal($0, purpose) }
    }

    /// `seal` for binary content (cached audio).
    public func seal(_ data: Data, _ purpose: SealedPurpose) throws -> Data {
        try Sealed.seal(data, purpose: purpose, keyId: try sealingKey(purpose))
    }

    /// A keyed hash (HMAC-SHA256, hex) for lookups that need equality without storing what could be guessed from
    /// an unkeyed hash; the same for the life of the database.
    public func keyedHash(_ data: Data) throws -> String {
        guard let keyId = keyring.withLockedValue({ $0.keys[.lookup]?.first?.id }) else { throw StorageError.locked }
        return try Sealed.mac(data, keyId: keyId)
    }

    /// Adds a key for every purpose that seals from `activeFrom` on; until then the current keys go on sealing.
    public func addDataKeys(activeFrom: Date, now: Date = Date()) async throws {
        guard let master = keyring.withLockedValue({ $0.master }) else { throw StorageError.locked }
        try await KeyRing.add(SealedPurpose.rotated, activeFrom: Clock.millis(activeFrom), master: master, database: self, now: now)
        try await refreshKeys(now: now)
    }

    /// Wraps every data key with `new` master key instead of the one this database was unlocked with.
    public func rewrapDataKeys(with new: MasterKey) async throws {
        guard let master = keyring.withLockedValue({ $0.master }) else { throw StorageError.locked }
        try await KeyRing.rewrap(from: master, to: new, database: self)
        try await unlock(with: new)
    }
}
