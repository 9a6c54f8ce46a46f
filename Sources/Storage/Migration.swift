/// One numbered step of the schema. Migrations are append-only: a released migration is never edited, a change
/// is a new migration with the next number.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Statements run in order inside one transaction; the same text serves both engines.
    public let statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}
