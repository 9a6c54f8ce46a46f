import Foundation

/// Where the database lives, parsed from a URL: `sqlite:///absolute/path.sqlite`, `sqlite://relative/path.sqlite`,
/// `sqlite::memory:` (a private temporary file), or `postgres://user:password@host:port/database`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// Parses a database URL; throws `StorageError.invalidURL` for anything else.
    public init(_ text: String) throws {
        if text == "sqlite::memory:" {
            let name = "companion-\(UUID().uuidString).sqlite"
            self = .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent(name).path)
        } else if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw StorageError.invalidURL("sqlite URL has no path") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            throw StorageError.invalidURL("expected sqlite:///path or postgres://…")
        }
    }

    /// The URL with any password removed, safe to log.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite://\(path)"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "postgres://…" }
            if parts.password != nil { parts.password = "***" }
            return parts.string ?? "postgres://…"
        }
    }
}
