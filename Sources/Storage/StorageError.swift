/// Failures of the storage layer itself (not of the domain rules above it).
public enum StorageError: Error, CustomStringConvertible, Equatable {
    case invalidURL(String)
    case migrationFailed(version: Int, reason: String)
    case unknownMigrations([Int])
    /// A transaction's body issued `COMMIT`, `ROLLBACK` or the like: `Database.transaction` owns those.
    case transactionControl(String)

    public var description: String {
        switch self {
        case .invalidURL(let why): return "invalid database URL: \(why)"
        case .migrationFailed(let version, let reason): return "migration \(version) failed: \(reason)"
        case .unknownMigrations(let versions):
            return "the database has migrations this build does not know (\(versions)); run a newer companion"
        case .transactionControl(let verb): return "\(verb) inside a transaction: Database.transaction begins and ends it"
        }
    }
}
