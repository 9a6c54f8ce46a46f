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

    /// The URL with TLS required (and the server's certificate verified) unless it names a TLS mode itself
    /// (`sslmode`, `tlsmode`, `ssl` or `tls`, e.g. `sslmode=disable` for a server on the same machine): without one,
    /// the PostgreSQL driver would fall back to a plain connection when the server offers no TLS.
    public func requiringTLS() -> DatabaseURL {
        guard case .postgres(let url) = self, var parts = URLComponents(string: url) else { return self }
        let items = parts.queryItems ?? []
        guard !items.contains(where: { ["sslmode", "tlsmode", "ssl", "tls"].contains($0.name.lowercased()) }) else { return self }
        parts.queryItems = items + [URLQueryItem(name: "sslmode", value: "require")]
        return parts.string.map { .postgres(url: $0) } ?? self
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
