import Crypto
import Foundation

/// The key that wraps the data keys (`KeyRing`): 32 random bytes, base64, in a file only the server's user can read
/// (`COMPANION_MASTER_KEY_FILE`) or in the environment (`COMPANION_MASTER_KEY`). It never touches the database.
public struct MasterKey: Sendable {
    let key: SymmetricKey
    /// Names the master key without revealing it, so a data key records which master key wrapped it.
    public let id: String

    /// A key from its base64 text (44 characters: 32 bytes).
    public init(base64 text: String) throws {
        guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            throw StorageError.badMasterKey("a master key is 32 random bytes in base64 (e.g. `openssl rand -base64 32`)")
        }
        key = SymmetricKey(data: bytes)
        id = "mk_" + SHA256.hash(data: Data("companion-master-key-id".utf8) + bytes).prefix(8).hexDigits
    }

    /// A new random key.
    public static func random() -> MasterKey {
        // 32 random bytes always make a valid key.
        try! MasterKey(base64: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString())
    }

    /// The key in `path`; a missing, unreadable or malformed file is an error naming the file.
    public static func load(path: String) throws -> MasterKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw StorageError.badMasterKey("the master key file \(path) cannot be read")
        }
        do {
            return try MasterKey(base64: text)
        } catch {
            throw StorageError.badMasterKey("the master key file \(path) does not hold 32 bytes in base64")
        }
    }

    /// The key in `path`, made there first (readable by its owner only) when there is none: for dev mode.
    public static func loadOrCreate(path: String) throws -> MasterKey {
        if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        let key = random()
        let text = key.key.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw StorageError.badMasterKey("the master key file \(path) cannot be written")
        }
        return key
    }
}
