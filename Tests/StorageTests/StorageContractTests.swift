import CompanionTestSupport
import Foundation
import SQLKit

import Storage
import Testing

/// The behaviour every module relies on, checked on each engine.
@Suite("Storage contract")
struct StorageContractTests {
    @Test("migrations apply once, in order, and are recorded", arguments: TestEngine.available)
    func migrationsAreRecorded(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { db in
            let migrator = Migrator()
            #expect(await !migrator.isUpToDate(on: db))
            let applied = try await migrator.migrate(db)
            #expect(applied == Schema.migrations.map(\.version))
            #expect(try await migrator.migrate(db).isEmpty)
            #expect(try await migrator.appliedVersions(on: db) == Schema.migrations.map(\.version))
            #expect(await migrator.isUpToDate(on: db))
        }
    }

    @Test("a database from a newer build is refused", arguments: TestEngine.available)
    func unknownMigrationIsRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await db.write("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)")
            await #expect(throws: StorageError.unknownMigrations([9999])) { try await Migrator().migrate(db) }
        }
    }

    @Test("a failing migration leaves no trace", arguments: TestEngine.available)
    func failingMigrationRollsBack(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let broken = Migrator(
                migrations: Schema.migrations + [
                    Migration(version: 500, name: "broken", statements: ["CREATE TABLE half (id TEXT)", "THIS IS NOT SQL"])
                ])
            await #expect(throws: (any Error).self) { try await broken.migrate(db) }
            let versions = try await Migrator().appliedVersions(on: db)
            #expect(versions == Schema.migrations.map(\.version))
            await #expect(throws: (any Error).self) { try await db.sql.raw("SELECT * FROM half").run() }
        }
    }

    @Test("a transaction that throws writes nothing; one that returns keeps everything", arguments: TestEngine.available)
    func transactionsAreAtomic(engine: TestEngine) async throws {
        struct Boom: Error {}
        try await TestDatabase.with(engine) { db in
            await #expect(throws: Boom.self) {
                try await db.transaction { tx in
                    try await tx.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)").run()
                    throw Boom()
                }
            }
            #expect(try await TestDatabase.count("accounts", in: db) == 0)
            try await db.transaction { tx in
                try await tx.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)").run()
                try await tx.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a2', '13800000002', 0, 0)").run()
            }
            #expect(try await TestDatabase.count("accounts", in: db) == 2)
        }
    }

    @Test("concurrent conditional updates never pass a limit", arguments: TestEngine.available)
    func conditionalUpdatesUnderConcurrency(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)")
            let won = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await db.transaction { tx in
                            try await tx.raw(
                                """
                                UPDATE accounts SET patient_count = patient_count + 1 WHERE id = 'a1' AND patient_count < 7 RETURNING id
                                """
                            ).first() != nil
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(won == 7)
            let count = try await db.sql.raw("SELECT patient_count FROM accounts WHERE id = 'a1'").first()!.decode(
                column: "patient_count", as: Int.self)
            #expect(count == 7)
        }
    }

    @Test(
        "thousands of transactions from concurrent tasks all finish, each seeing the ones before, and readers see each once it returns",
        arguments: TestEngine.available)
    func everyTransactionGetsItsTurn(engine: TestEngine) async throws {
        struct Refused: Error {}
        struct Misread: Error { let id: String, written: Bool }
        try await TestDatabase.with(engine) { db in
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)")
            // 64 clients (as many as the release-minute rush has connections). PostgreSQL serialises these updates of
            // one row through its row lock and a network round trip each, so it gets fewer.
            let transactions = engine == .sqlite ? 3_000 : 1_000, clients = 64
            let finished = try await Self.withinDeadline {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for client in 0..<clients {
                        group.addTask {
                            var committed = 0
                            for n in stride(from: client, to: transactions, by: clients) {
                                let id = "t\(n)"
                                do {
                                    try await db.transaction { tx in
                                        try await tx.raw("UPDATE accounts SET patient_count = patient_count + 1 WHERE id = 'a1'").run()
                                        try await tx.raw(
                                            "INSERT INTO accounts (id, phone, patient_count, created_at) VALUES (\(bind: id), \(bind: "139\(100_000_000 + n)"), 0, 0)"
                                        ).run()
                                        // Some transactions wait for other work while they hold their turn, some give up.
                                        if n % 7 == 0 { await Task.yield() }
                                        if n % 10 == 0 { try await Task.sleep(for: .milliseconds(1)) }
                                        if n % 13 == 0 { throw Refused() }
                                    }
                                    committed += 1
                                } catch is Refused {}
                                // Once `transaction` has returned, every reader sees what it wrote (it has committed,
                                // even when it shared its commit with others), and nothing of one that threw.
                                let written = try await db.sql.raw("SELECT id FROM accounts WHERE id = \(bind: id)").first() != nil
                                if written != (n % 13 != 0) { throw Misread(id: id, written: written) }
                            }
                            return committed
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }
            let expected = (0..<transactions).filter { $0 % 13 != 0 }.count
            #expect(finished == expected)
            let count = try await db.sql.raw("SELECT patient_count FROM accounts WHERE id = 'a1'").first()!.decode(
                column: "patient_count", as: Int.self)
            #expect(count == expected)
        }
    }

    /// Runs `body`, failing instead of hanging when it has not finished after five minutes (a lost wake-up, not
    /// slowness: it takes seconds even while the whole suite runs).
    static func withinDeadline<R: Sendable>(_ body: @escaping @Sendable () async throws -> R) async throws -> R {
        try await withThrowingTaskGroup(of: R?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(300)); return nil
            }
            guard let first = try await group.next(), let result = first else { throw TransactionsHung() }
            group.cancelAll()
            return result
        }
    }

    @Test(
        "values written and read inside a transaction round-trip, and a failed statement leaves the writer usable",
        arguments: TestEngine.available)
    func transactionValuesRoundTrip(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let name = "王小明 'O''Brien\"; -- 👶🏻\u{301}"
            let read: (String, Bool, Int64) = try await db.transaction { tx in
                try await tx.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)").run()
                try await tx.raw(
                    """
                    INSERT INTO patients (id, account_id, name, gender, birth_date, id_number, allergies, created_at, updated_at)
                    VALUES ('p1', 'a1', \(bind: name), 'male', '2000-01-01', \(bind: String?.none), '[]', 0, \(bind: Int64.max))
                    """
                ).run()
                let row = try await tx.raw("SELECT name, id_number, updated_at FROM patients WHERE id = 'p1'").first()!
                return (
                    try row.decode(column: "name", as: String.self),
                    try row.decodeNil(column: "id_number") && row.decode(column: "id_number", as: String?.self) == nil,
                    try row.decode(column: "updated_at", as: Int64.self)
                )
            }
            #expect(read.0 == name)
            #expect(read.1)
            #expect(read.2 == Int64.max)
            // The same phone twice breaks a unique constraint: that transaction fails, and the next one works.
            await #expect(throws: (any Error).self) {
                try await db.transaction { tx in
                    try await tx.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a2', '13800000001', 0, 0)").run()
                }
            }
            try await db.transaction { tx in
                try await tx.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a2', '13800000002', 0, 0)").run()
            }
            #expect(try await TestDatabase.count("accounts", in: db) == 2)
            let stored = try await db.sql.raw("SELECT name FROM patients WHERE id = 'p1'").first()!.decode(column: "name", as: String.self)
            #expect(stored == name)
        }
    }

    @Test("foreign keys and unique constraints are enforced", arguments: TestEngine.available)
    func constraintsAreEnforced(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            await #expect(throws: (any Error).self) {
                try await db.write(
                    """
                    INSERT INTO patients (id, account_id, name, gender, birth_date, allergies, created_at, updated_at)
                    VALUES ('p1', 'no-such-account', 'x', 'male', '2000-01-01', '[]', 0, 0)
                    """)
            }
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)")
            await #expect(throws: (any Error).self) {
                try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a2', '13800000001', 0, 0)")
            }
        }
    }

    @Test("SQLite's reader connections refuse writes: every write goes through the writer")
    func readersAreReadOnly() async throws {
        try await TestDatabase.with(.sqlite) { db in
            await #expect(throws: (any Error).self) {
                try await db.sql.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)").run()
            }
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)")
            #expect(try await TestDatabase.count("accounts", in: db) == 1)
        }
    }

    @Test("SQLite's writer syncs the log at every commit (synchronous=FULL): an acknowledged write survives a power cut")
    func writerCommitsDurably() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let mode = try await db.transaction { sql in
                try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            }
            #expect(mode == 2)
        }
    }

    @Test("deleting an account deletes its patient profiles", arguments: TestEngine.available)
    func cascadeDelete(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 1, 0)")
            try await db.write(
                """
                INSERT INTO patients (id, account_id, name, gender, birth_date, allergies, created_at, updated_at)
                VALUES ('p1', 'a1', '张三', 'male', '2000-01-01', '[]', 0, 0)
                """)
            try await db.write("DELETE FROM accounts WHERE id = 'a1'")
            #expect(try await TestDatabase.count("patients", in: db) == 0)
        }
    }

    @Test("text round-trips unchanged, including Chinese, emoji and quotes", arguments: TestEngine.available)
    func textRoundTrips(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let name = "王小明 'O''Brien\"; DROP TABLE accounts; -- 👶🏻"
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)")
            try await db.write(
                """
                INSERT INTO patients (id, account_id, name, gender, birth_date, allergies, created_at, updated_at)
                VALUES ('p1', 'a1', \(bind: name), 'male', '2000-01-01', '[]', 0, \(bind: Int64.max))
                """)
            let row = try await db.sql.raw("SELECT name, updated_at FROM patients WHERE id = 'p1'").first()!
            #expect(try row.decode(column: "name", as: String.self) == name)
            #expect(try row.decode(column: "updated_at", as: Int64.self) == Int64.max)
            #expect(try await TestDatabase.count("accounts", in: db) == 1)
        }
    }
}

/// Five minutes passed and the transactions had not all finished.
struct TransactionsHung: Error {}

@Suite("SQLite settings")
struct SQLiteSettingsTests {
    @Test("SQLite runs in WAL mode with foreign keys and a busy timeout")
    func pragmas() async throws {
        try await TestDatabase.with(.sqlite) { db in
            try await db.sql.withSession { session in
                let mode = try await session.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self)
                #expect(mode.lowercased() == "wal")
                let keys = try await session.raw("PRAGMA foreign_keys").first()!.decode(column: "foreign_keys", as: Int.self)
                #expect(keys == 1)
                let timeout = try await session.raw("PRAGMA busy_timeout").first()!.decode(column: "timeout", as: Int.self)
                #expect(timeout >= 5000)
            }
            // Transactions run on a connection of their own, set up the same way.
            let writer: (Int, Int, String) = try await db.transaction { tx in
                (
                    try await tx.raw("PRAGMA foreign_keys").first()!.decode(column: "foreign_keys", as: Int.self),
                    try await tx.raw("PRAGMA busy_timeout").first()!.decode(column: "timeout", as: Int.self),
                    try await tx.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self).lowercased()
                )
            }
            #expect(writer.0 == 1)
            #expect(writer.1 >= 5000)
            #expect(writer.2 == "wal")
        }
    }

    @Test("when SQLite drops the whole transaction, every transaction that shared it is told so: none is reported done and lost")
    func aDroppedGroupFailsEveryMember() async throws {
        struct Dropped: Error {}
        try await TestDatabase.with(.sqlite) { db in
            let outcomes = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for n in 0..<64 {
                    group.addTask {
                        let id = "g\(n)"
                        do {
                            try await db.transaction { tx in
                                try await tx.raw(
                                    "INSERT INTO accounts (id, phone, patient_count, created_at) VALUES (\(bind: id), \(bind: "137\(100_000_000 + n)"), 0, 0)"
                                ).run()
                                // Some errors make SQLite roll back the whole transaction by itself; this does it outright.
                                if n % 16 == 5 {
                                    try await tx.raw("ROLLBACK").run()
                                    throw Dropped()
                                }
                            }
                            return (id, true)
                        } catch {
                            return (id, false)
                        }
                    }
                }
                return try await group.reduce(into: [(String, Bool)]()) { $0.append($1) }
            }
            for (id, reportedDone) in outcomes {
                let written = try await db.sql.raw("SELECT id FROM accounts WHERE id = \(bind: id)").first() != nil
                #expect(written == reportedDone, "\(id): reported \(reportedDone ? "done" : "failed") but \(written ? "written" : "not written")")
            }
            // The writer goes on working afterwards.
            try await db.transaction { tx in
                try await tx.raw("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('after', '13600000000', 0, 0)").run()
            }
        }
    }

    @Test(
        "a transaction body cannot commit or roll back by itself: it fails alone, and the others keep their writes",
        arguments: TestEngine.available)
    func bodiesDoNotControlTheTransaction(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let results = await withTaskGroup(of: (String, Bool).self) { group in
                for (id, statement) in [("a1", "COMMIT"), ("a2", nil), ("a3", " rollback"), ("a4", nil), ("a5", "SAVEPOINT x")] {
                    group.addTask {
                        let done =
                            (try? await db.transaction { tx in
                                try await tx.raw(
                                    "INSERT INTO accounts (id, phone, patient_count, created_at) VALUES (\(bind: id), \(bind: "138" + id), 0, 0)"
                                ).run()
                                if let statement { try await tx.raw(SQLQueryString(statement)).run() }
                                return true
                            }) == true
                        return (id, done)
                    }
                }
                var results: [String: Bool] = [:]
                for await (id, done) in group { results[id] = done }
                return results
            }
            #expect(results == ["a1": false, "a2": true, "a3": false, "a4": true, "a5": false])
            let written = try await db.sql.raw("SELECT id FROM accounts ORDER BY id").all().map { try $0.decode(column: "id", as: String.self) }
            #expect(written == ["a2", "a4"])
        }
    }

    @Test("a statement given fewer values than its parameters is refused, not run with the values of its last run")
    func missingValuesAreRefused() async throws {
        try await TestDatabase.with(.sqlite) { db in
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('a1', '13800000001', 0, 0)")
            try await db.transaction { tx in try await tx.raw("UPDATE accounts SET patient_count = \(bind: 5) WHERE id = 'a1'").run() }
            // The same text without its value: the writer keeps the statement prepared, with the 5 still bound.
            await #expect(throws: (any Error).self) {
                try await db.transaction { tx in try await tx.raw("UPDATE accounts SET patient_count = ?1 WHERE id = 'a1'").run() }
            }
            try await db.transaction { tx in try await tx.raw("UPDATE accounts SET patient_count = \(bind: 2) WHERE id = 'a1'").run() }
            let count = try await db.sql.raw("SELECT patient_count FROM accounts WHERE id = 'a1'").first()!.decode(
                column: "patient_count", as: Int.self)
            #expect(count == 2)
        }
    }

    @Test(
        "a PostgreSQL pool given a size never opens more connections than that, however many queries wait",
        .enabled(if: TestEngine.postgresURL != nil))
    func poolSizeIsABound() async throws {
        try await TestDatabase.with(.postgres) { db in
            let limited = try await Database.open(db.url, logger: quietLogger, postgresConnections: 2)
            do {
                // Each waiting query names the server process that ran it: the pool's connections, counted without
                // depending on how fast the machine connects or on other connections coming and going.
                let pids = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            try await limited.sql.raw("SELECT pg_backend_pid() AS pid, pg_sleep(0.02)::text AS slept").first()!
                                .decode(column: "pid", as: Int.self)
                        }
                    }
                    return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
                }
                #expect((1...2).contains(pids.count), "\(pids.count) connections served 20 queries")
                try await limited.close()
            } catch {
                try? await limited.close()
                throw error
            }
        }
    }
}

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("production's PostgreSQL URL requires TLS unless it names a TLS mode itself")
    func tlsRequired() throws {
        #expect(try DatabaseURL("postgres://u:p@db:5432/d").requiringTLS() == .postgres(url: "postgres://u:p@db:5432/d?sslmode=require"))
        #expect(
            try DatabaseURL("postgres://u@db/d?application_name=c").requiringTLS()
                == .postgres(url: "postgres://u@db/d?application_name=c&sslmode=require"))
        for explicit in ["postgres://u@localhost/d?sslmode=disable", "postgres://u@db/d?tlsmode=prefer", "postgres://u@db/d?SSL=true"] {
            #expect(try DatabaseURL(explicit).requiringTLS() == .postgres(url: explicit))
        }
        #expect(try DatabaseURL("sqlite:///x.sqlite").requiringTLS() == .sqlite(path: "/x.sqlite"))
    }

    @Test(
        "with TLS required, a server that offers none is refused instead of spoken to in the clear",
        .enabled(if: TestEngine.postgresURL != nil))
    func plainServerRefused() async throws {
        let server = try #require(TestEngine.postgresURL)
        var plain = try #require(URLComponents(string: server))
        plain.queryItems = nil  // the test server's URL says sslmode=disable; a production URL that says nothing
        let url = try DatabaseURL(try #require(plain.string)).requiringTLS()
        await #expect(throws: (any Error).self) { try await Database.open(url, logger: quietLogger).close() }
    }

    @Test func parsesBothEngines() throws {
        #expect(try DatabaseURL("sqlite:///var/lib/companion/db.sqlite") == .sqlite(path: "/var/lib/companion/db.sqlite"))
        #expect(try DatabaseURL("sqlite://data/db.sqlite") == .sqlite(path: "data/db.sqlite"))
        #expect(try DatabaseURL("postgres://u:p@h:5432/d") == .postgres(url: "postgres://u:p@h:5432/d"))
        #expect(throws: StorageError.self) { try DatabaseURL("mysql://x") }
        #expect(throws: StorageError.self) { try DatabaseURL("sqlite://") }
    }

    @Test("a printed URL never shows the password")
    func redactsPassword() throws {
        let text = try DatabaseURL("postgres://app:s3cret@db.internal:5432/companion").description
        #expect(!text.contains("s3cret"))
        #expect(text.contains("db.internal"))
    }
}
