import CompanionTestSupport
import SQLKit
import Storage
import Testing

@Suite("Constraint violations by name")
struct ConstraintViolationTests {
    /// The error of a write through the database's transactions.
    static func failure(_ db: Database, _ statement: SQLQueryString) async -> (any Error)? {
        do {
            try await db.transaction { tx in try await tx.raw(statement).run() }
            return nil
        } catch {
            return error
        }
    }

    @Test("a second row for a unique index is recognised by the index's name; other failures are not", arguments: TestEngine.available)
    func recognisesTheIndex(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { db in
            try await db.transaction { tx in
                try await tx.raw("CREATE TABLE pairs (a TEXT NOT NULL, b TEXT NOT NULL, c TEXT)").run()
                try await tx.raw("CREATE UNIQUE INDEX pairs_ab ON pairs (a, b)").run()
                try await tx.raw("CREATE UNIQUE INDEX pairs_c ON pairs (c)").run()
                try await tx.raw("INSERT INTO pairs (a, b, c) VALUES ('x', 'y', 'z')").run()
            }
            let duplicate = try #require(await Self.failure(db, "INSERT INTO pairs (a, b, c) VALUES ('x', 'y', 'w')"))
            #expect(ConstraintViolation.isUnique(duplicate, index: "pairs_ab", columns: ["pairs.a", "pairs.b"]))
            #expect(!ConstraintViolation.isUnique(duplicate, index: "pairs_c", columns: ["pairs.c"]))
            let other = try #require(await Self.failure(db, "INSERT INTO pairs (a, b, c) VALUES ('x', 'v', 'z')"))
            #expect(!ConstraintViolation.isUnique(other, index: "pairs_ab", columns: ["pairs.a", "pairs.b"]))
            let missing = try #require(await Self.failure(db, "INSERT INTO pairs (a, c) VALUES ('x', 'q')"))
            #expect(!ConstraintViolation.isUnique(missing, index: "pairs_ab", columns: ["pairs.a", "pairs.b"]), "NOT NULL is another rule")
        }
    }
}
