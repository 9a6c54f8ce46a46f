/// Failures of the storage layer itself (not of the domain rules above it).
public enum StorageError: Error, CustomStringConvertible, Equatable {
    case invalidURL(String)
    case migrationFailed(version: Int, reason: String)
    case unknownMigrations([Int])
    /// A transaction's body issued `COMMIT`, `ROLLBACK` or the like: `Database.transaction` owns those.
    case transactionControl(String)
    /// The master key is missing, unreadable or does not fit the data keys.
    case badMasterKey(String)
    /// Something was to be sealed before `Database.unlock` gave the database its keys.
    case locked
    /// A sealed value names a data key this process does not have, or does not open with it (altered).
    case unsealable(String)

    public var description: String {
        switch self {
        case .invalidURL(let why): return "invalid database URL: \(why)"
        case .migrationFailed(let version, let reason): return "migration \(version) failed: \(reason)"
        case .unknownMigrations(let versions):
            return "the database has migrations this build does not know (\(versions)); run a newer companion"
        case .transactionControl(let verb): return "\(verb) inside a transaction: Database.transaction begins and ends it"
        case .badMasterKey(let why): return why
        case .locked: return "the database's data keys are not loaded (Database.unlock)"
        case .unsealable(let why): return "a sealed value cannot be opened: \(why)"
        }
    }
}
