import Crypto
import Foundation
import NIOConcurrencyHelpers

/// What a sealed value is, so a data key serves one purpose only and a value sealed for one cannot be opened as another.
public enum SealedPurpose: String, Sendable, CaseIterable {
    case conversation, transcript, record, appointment, notification, idempotency, speech, profile
    /// Not for sealing: the key of keyed hashes (`Database.keyedHash`), which equality lookups need to stay stable,
    /// so it is never rotated (a new master key re-wraps it).
    case lookup

    /// The purposes whose keys a rotation replaces.
    public static var rotated: [SealedPurpose] { allCases.filter { $0 != .lookup } }
}

/// Health text at rest: AES-256-GCM under a data key of its purpose, written `s1:<key id>:<base64 nonce+text+tag>`.
/// Every data key a database of this process has unlocked is known here by its id, so a row can be opened where
/// it is decoded without carrying its database along. A value without the `s1:` mark was written before sealing
/// existed and is returned as it is (`companion keys rotate` seals it).
public enum Sealed {
    static let mark = "s1:"
    private static let keys = NIOLockedValueBox<[String: (purpose: SealedPurpose, key: SymmetricKey)]>([:])

    static func register(id: String, purpose: SealedPurpose, key: SymmetricKey) {
        keys.withLockedValue { $0[id] = (purpose, key) }
    }

    static func knows(_ id: String) -> Bool { keys.withLockedValue { $0[id] != nil } }

    static func seal(_ text: String, purpose: SealedPurpose, keyId: String) throws -> String {
        guard let entry = keys.withLockedValue({ $0[keyId] }) else { throw StorageError.locked }
        let box = try AES.GCM.seal(Data(text.utf8), using: entry.key, authenticating: Data(purpose.rawValue.utf8))
        return mark + keyId + ":" + box.combined!.base64EncodedString()
    }

    /// The text of a sealed value (or of a value from before sealing).
    public static func open(_ stored: String, _ purpose: SealedPurpose) throws -> String {
        guard stored.hasPrefix(mark) else { return stored }
        let parts = stored.dropFirst(mark.count).split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let combined = Data(base64Encoded: String(parts[1])) else { throw StorageError.unsealable("malformed") }
        return String(decoding: try open(keyId: String(parts[0]), combined: combined, purpose), as: UTF8.self)
    }

    private static func open(keyId: String, combined: Data, _ purpose: SealedPurpose) throws -> Data {
        guard let entry = keys.withLockedValue({ $0[keyId] }) else { throw StorageError.unsealable("unknown data key \(keyId)") }
        guard entry.purpose == purpose else { throw StorageError.unsealable("data key \(keyId) is not for \(purpose.rawValue)") }
        do {
            return (try AES.GCM.open(try AES.GCM.SealedBox(combined: combined), using: entry.key, authenticating: Data(purpose.rawValue.utf8)))
        } catch {
            throw StorageError.unsealable("altered, or sealed with another key")
        }
    }

    /// The id of the data key a stored value was sealed with; nil for a value from before sealing.
    public static func keyId(of stored: String) -> String? {
        guard stored.hasPrefix(mark) else { return nil }
        return stored.dropFirst(mark.count).split(separator: ":", maxSplits: 1).first.map(String.init)
    }

    /// Binary content (cached audio) sealed like text: `s1:<key id>:` then nonce, ciphertext and tag as bytes.
    static func seal(_ data: Data, purpose: SealedPurpose, keyId: String) throws -> Data {
        guard let entry = keys.withLockedValue({ $0[keyId] }) else { throw StorageError.locked }
        let box = try AES.GCM.seal(data, using: entry.key, authenticating: Data(purpose.rawValue.utf8))
        return Data((mark + keyId + ":").utf8) + box.combined!
    }

    /// The content of sealed binary (`seal(_:purpose:keyId:)`); binary without the mark is returned as it is.
    public static func open(_ stored: Data, _ purpose: SealedPurpose) throws -> Data {
        guard stored.starts(with: Data(mark.utf8)) else { return stored }
        let afterMark = stored.index(stored.startIndex, offsetBy: mark.utf8.count)
        guard let colon = stored[afterMark...].prefix(64).firstIndex(of: UInt8(ascii: ":")) else { throw StorageError.unsealable("malformed") }
        let keyId = String(decoding: stored[afterMark..<colon], as: UTF8.self)
        return try open(keyId: keyId, combined: Data(stored[(colon + 1)...]), purpose)
    }

    /// An HMAC-SHA256 of `data` under key `keyId`, hex.
    static func mac(_ data: Data, keyId: String) throws -> String {
        guard let entry = keys.withLockedValue({ $0[keyId] }) else { throw StorageError.locked }
        return HMAC<SHA256>.authenticationCode(for: data, using: entry.key).hexDigits
    }

    /// `open` for a column that may be NULL.
    public static func open(_ stored: String?, _ purpose: SealedPurpose) throws -> String? {
        try stored.map { try open($0, purpose) }
    }

    /// Whether a stored value is sealed (for the rotation and the tests).
    public static func isSealed(_ stored: String) -> Bool { stored.hasPrefix(mark) }
}
