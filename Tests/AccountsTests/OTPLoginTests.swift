import Accounts
import CompanionTestSupport
import Foundation
import SQLKit
import Storage
import Testing

/// A sender that keeps what it was asked to send, standing in for the SMS gateway.
final class RecordingSender: OTPSender, @unchecked Sendable {
    // The lock guards `sent`, the only mutable state.
    private let lock = NSLock()
    private var sent: [(phone: String, code: String)] = []
    let failing: Bool

    init(failing: Bool = false) { self.failing = failing }

    var revealsCode: Bool { false }

    func send(code: String, to phone: PhoneNumber) async throws {
        if failing { throw AccountsError.deliveryFailed }
        lock.withLock { sent.append((phone.value, code)) }
    }

    var lastCode: String? { lock.withLock { sent.last?.code } }
    var count: Int { lock.withLock { sent.count } }
}

@Suite("Phone login with one-time codes")
struct OTPLoginTests {
    let phone = PhoneNumber("13800138000")!
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func service(_ db: Database, _ sender: RecordingSender, _ clock: ManualClock) -> OTPService {
        OTPService(database: db, sender: sender, clock: clock, pepper: "test-pepper")
    }

    @Test("the right code logs in, creating the account once", arguments: TestEngine.available)
    func loginCreatesAccount(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let otp = service(db, sender, ManualClock(start))
            _ = try await otp.requestCode(for: phone)
            let first = try await otp.verify(code: sender.lastCode!, for: phone)
            _ = try await otp.requestCode(for: PhoneNumber("+86 138-0013-8000")!)
            let second = try await otp.verify(code: sender.lastCode!, for: phone)
            #expect(first == second)
            #expect(try await TestDatabase.count("accounts", in: db) == 1)
        }
    }

    @Test("a code works once", arguments: TestEngine.available)
    func codeIsSingleUse(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let otp = service(db, sender, ManualClock(start))
            _ = try await otp.requestCode(for: phone)
            let code = sender.lastCode!
            _ = try await otp.verify(code: code, for: phone)
            await #expect(throws: AccountsError.invalidCode) { try await otp.verify(code: code, for: phone) }
        }
    }

    @Test("a new code voids the older ones: the older stays dead after the new one is used", arguments: TestEngine.available)
    func newCodeVoidsOlder(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let otp = service(db, sender, ManualClock(start))
            _ = try await otp.requestCode(for: phone)
            let older = sender.lastCode!
            _ = try await otp.requestCode(for: phone)
            let newer = sender.lastCode!
            try #require(older != newer)
            _ = try await otp.verify(code: newer, for: phone)
            await #expect(throws: AccountsError.invalidCode) { try await otp.verify(code: older, for: phone) }
        }
    }

    @Test("a code expires after 5 minutes", arguments: TestEngine.available)
    func codeExpires(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let clock = ManualClock(start)
            let otp = service(db, sender, clock)
            _ = try await otp.requestCode(for: phone)
            clock.advance(by: 5 * 60 + 1)
            await #expect(throws: AccountsError.invalidCode) { try await otp.verify(code: sender.lastCode!, for: phone) }
        }
    }

    @Test("five wrong tries burn the code, even the right one after", arguments: TestEngine.available)
    func fiveAttempts(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let otp = service(db, sender, ManualClock(start))
            _ = try await otp.requestCode(for: phone)
            let right = sender.lastCode!
            let wrong = right == "000000" ? "111111" : "000000"
            for _ in 0..<4 {
                await #expect(throws: AccountsError.invalidCode) { try await otp.verify(code: wrong, for: phone) }
            }
            await #expect(throws: AccountsError.tooManyAttempts) { try await otp.verify(code: wrong, for: phone) }
            await #expect(throws: AccountsError.tooManyAttempts) { try await otp.verify(code: right, for: phone) }
            #expect(try await TestDatabase.count("accounts", in: db) == 0)
        }
    }

    @Test(
        "codes per client address and for the whole service are limited too, also when requested all at once",
        arguments: TestEngine.available)
    func clientAndServiceLimits(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let clock = ManualClock(start)
            let otp = OTPService(
                database: db, sender: sender, clock: clock, pepper: "p", limits: CodeLimits(perPhone: 5, perClient: 3, perService: 5))
            let refused = try await withThrowingTaskGroup(of: CodeLimits.Scope?.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        do {
                            _ = try await otp.requestCode(for: PhoneNumber("1390000\(String(format: "%04d", index))")!, client: "203.0.113.7")
                            return nil
                        } catch AccountsError.tooManyCodes(let scope, _) {
                            return scope
                        }
                    }
                }
                return try await group.reduce(into: [CodeLimits.Scope?]()) { $0.append($1) }
            }
            #expect(refused.filter { $0 == nil }.count == 3 && refused.filter { $0 == .client }.count == 9, "\(refused)")
            _ = try await otp.requestCode(for: PhoneNumber("13700000001")!, client: "198.51.100.1")
            _ = try await otp.requestCode(for: PhoneNumber("13700000002")!, client: "198.51.100.2")
            await #expect(throws: AccountsError.tooManyCodes(scope: .service, retryAfterSeconds: 3600)) {
                try await otp.requestCode(for: PhoneNumber("13700000003")!, client: "198.51.100.3")
            }
            #expect(sender.count == 5)
        }
    }

    @Test("at most five codes per phone per hour, then Retry-After", arguments: TestEngine.available)
    func hourlyLimit(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let clock = ManualClock(start)
            let otp = service(db, sender, clock)
            for _ in 0..<5 {
                _ = try await otp.requestCode(for: phone)
                clock.advance(by: 60)
            }
            // The first code was sent at `start`; it leaves the window at start + 3600 s, now is start + 300 s.
            await #expect(throws: AccountsError.tooManyCodes(scope: .phone, retryAfterSeconds: 3300)) { try await otp.requestCode(for: phone) }
            #expect(sender.count == 5)
            _ = try await otp.requestCode(for: PhoneNumber("13900139000")!)
            clock.set(start.addingTimeInterval(3601))
            _ = try await otp.requestCode(for: phone)
            #expect(sender.count == 7)
        }
    }

    @Test("concurrent code requests cannot pass the hourly limit", arguments: TestEngine.available)
    func hourlyLimitUnderConcurrency(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            let otp = service(db, sender, ManualClock(start))
            let phone = self.phone
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<20 { group.addTask { _ = try? await otp.requestCode(for: phone) } }
            }
            let stored = try await TestDatabase.count("otp_codes", in: db)
            #expect(sender.count == 5)
            #expect(stored == 5)
        }
    }

    @Test("an undelivered code is not stored and does not count", arguments: TestEngine.available)
    func deliveryFailure(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let otp = service(db, RecordingSender(failing: true), ManualClock(start))
            await #expect(throws: AccountsError.deliveryFailed) { try await otp.requestCode(for: phone) }
            let stored = try await TestDatabase.count("otp_codes", in: db)
            #expect(stored == 0)
        }
    }

    @Test("codes are stored hashed, never in the clear", arguments: TestEngine.available)
    func codesAreHashed(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let sender = RecordingSender()
            _ = try await service(db, sender, ManualClock(start)).requestCode(for: phone)
            let stored = try await db.sql.raw("SELECT code_hash FROM otp_codes").first()!.decode(column: "code_hash", as: String.self)
            #expect(!stored.contains(sender.lastCode!))
            #expect(stored.count == 64)
        }
    }

    @Test("only the development sender reveals the code")
    func devCodeOnlyInDev() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let dev = OTPService(database: db, sender: DevOTPSender(), clock: ManualClock(start), pepper: "p")
            let revealed = try await dev.requestCode(for: phone).devCode
            #expect(revealed?.count == 6)
            let production = service(db, RecordingSender(), ManualClock(start))
            let hidden = try await production.requestCode(for: phone).devCode
            #expect(hidden == nil)
        }
    }
}

@Suite("Phone numbers")
struct PhoneNumberTests {
    @Test(arguments: [
        ("13800138000", "13800138000"), ("+8613800138000", "13800138000"), ("+86 138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"), ("+14155550123", "+14155550123"), ("+44 20 7946 0958", "+442079460958"),
    ])
    func accepted(raw: String, canonical: String) {
        #expect(PhoneNumber(raw)?.value == canonical)
    }

    @Test(arguments: [
        "", "12345", "12800138000", "1380013800", "138001380000", "+86 12800138000", "abc", "13800l38000",
        "+0123456789", "１３８００１３８０００", "13800138000; DROP TABLE",
    ])
    func refused(raw: String) {
        #expect(PhoneNumber(raw) == nil)
    }

    @Test func maskedShowsOnlyLastFour() {
        #expect(PhoneNumber("13800138000")!.masked == "***8000")
        #expect(!"\(PhoneNumber("13800138000")!)".contains("138001"))
    }
}
