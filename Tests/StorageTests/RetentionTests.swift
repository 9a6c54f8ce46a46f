import CompanionTestSupport
import Foundation
import SQLKit
import Storage
import Testing

@Suite("Retention sweep")
struct RetentionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func millis(daysAgo days: Double) -> Int64 { Clock.millis(now.addingTimeInterval(-days * RetentionRule.day)) }

    @Test(
        "every rule names a table and column of the schema; a sweep of an empty database deletes nothing",
        arguments: TestEngine.available)
    func rulesFitTheSchema(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let deleted = try await RetentionSweep(database: db).run(now: Self.now)
            #expect(deleted.isEmpty)
        }
    }

    @Test("rows past their period go, in batches; rows within it stay", arguments: TestEngine.available)
    func deletesOnlyWhatIsPast(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            // 1,201 spent codes (three batches) and one of the last hour.
            try await db.transaction { tx in
                for index in 0...1_201 {
                    let created = index == 0 ? Self.millis(daysAgo: 1.0 / 24) : Self.millis(daysAgo: 2)
                    try await tx.raw(
                        """
                        INSERT INTO otp_codes (id, phone, code_hash, created_at, expires_at, attempts)
                        VALUES (\(bind: "otp_\(index)"), '13800000000', 'h', \(bind: created), \(bind: created + 300_000), 0)
                        """
                    ).run()
                }
            }
            try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES ('acc_1', '13800000000', 0, 0)")
            for (id, days) in [("ntf_old", 91.0), ("ntf_recent", 89.0)] {
                try await db.write(
                    """
                    INSERT INTO notifications (id, account_id, kind, title, body, created_at)
                    VALUES (\(bind: id), 'acc_1', 'booked', 't', 'b', \(bind: Self.millis(daysAgo: days)))
                    """)
            }
            for (key, days) in [("old", 1.5), ("fresh", 0.5)] {
                try await db.write(
                    """
                    INSERT INTO idempotency_keys (owner, key, request_hash, created_at) VALUES ('acc_1 /v1/x', \(bind: key), 'h',
                      \(bind: Self.millis(daysAgo: days)))
                    """)
            }

            let deleted = try await RetentionSweep(database: db).run(now: Self.now)
            #expect(deleted == ["otp_codes": 1_201, "notifications": 1, "idempotency_keys": 1])
            let codes = try await db.sql.raw("SELECT id FROM otp_codes").all().map { try $0.decode(column: "id", as: String.self) }
            #expect(codes == ["otp_0"])
            let notifications = try await db.sql.raw("SELECT id FROM notifications").all().map { try $0.decode(column: "id", as: String.self) }
            #expect(notifications == ["ntf_recent"])
            #expect(try await RetentionSweep(database: db).run(now: Self.now).isEmpty, "a second sweep finds nothing")
        }
    }
}
