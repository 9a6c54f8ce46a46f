import Accounts
import CompanionTestSupport
import Foundation
import SQLKit
import Storage
import Testing

@Suite("Patient profiles (就诊人)")
struct PatientProfileTests {
    // 2026-11-29 12:00 in Shanghai.
    let now = Date(timeIntervalSince1970: 1_795_924_800)

    func account(_ db: Database, _ id: String = "acc_1", phone: String = "13800138000") async throws -> String {
        try await db.write("INSERT INTO accounts (id, phone, patient_count, created_at) VALUES (\(bind: id), \(bind: phone), 0, 0)")
        return id
    }

    func child() -> PatientProfileFields {
        PatientProfileFields(name: "王小宝", gender: "male", birthDate: "2023-05-01", allergies: ["青霉素"])
    }

    @Test("create, read, list, update and delete a profile", arguments: TestEngine.available)
    func lifecycle(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let profiles = PatientProfiles(database: db, clock: ManualClock(now))
            let acc = try await account(db)
            let created = try await profiles.create(accountId: acc, child())
            #expect(created.allergies == ["青霉素"])
            let read = try await profiles.get(accountId: acc, id: created.id)
            #expect(read == created)
            var patch = PatientProfileFields()
            patch.name = "王小宝贝"
            patch.idNumber = .some("110105202305010014")
            let updated = try await profiles.update(accountId: acc, id: created.id, patch)
            #expect(updated.name == "王小宝贝")
            #expect(updated.idNumber == "110105202305010014")
            #expect(updated.gender == .male)
            var clear = PatientProfileFields()
            clear.idNumber = .some(nil)
            #expect(try await profiles.update(accountId: acc, id: created.id, clear).idNumber == nil)
            #expect(try await profiles.list(accountId: acc).items.map(\.id) == [created.id])
            try await profiles.delete(accountId: acc, id: created.id)
            await #expect(throws: NotFound.self) { try await profiles.get(accountId: acc, id: created.id) }
        }
    }

    @Test("another account's profile does not exist for you", arguments: TestEngine.available)
    func ownership(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let profiles = PatientProfiles(database: db, clock: ManualClock(now))
            let mine = try await account(db, "acc_1")
            let theirs = try await account(db, "acc_2", phone: "13900139000")
            let profile = try await profiles.create(accountId: theirs, child())
            await #expect(throws: NotFound.self) { try await profiles.get(accountId: mine, id: profile.id) }
            await #expect(throws: NotFound.self) { try await profiles.update(accountId: mine, id: profile.id, PatientProfileFields(name: "x")) }
            await #expect(throws: NotFound.self) { try await profiles.delete(accountId: mine, id: profile.id) }
            let listed = try await profiles.list(accountId: mine).items
            #expect(listed.isEmpty)
            #expect(try await profiles.get(accountId: theirs, id: profile.id).name == "王小宝")
        }
    }

    @Test("at most 10 profiles per account, also when created at once", arguments: TestEngine.available)
    func limit(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let profiles = PatientProfiles(database: db, clock: ManualClock(now))
            let acc = try await account(db)
            let fields = child()
            let created = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<15 { group.addTask { (try? await profiles.create(accountId: acc, fields)) != nil } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(created == 10)
            await #expect(throws: AccountsError.tooManyProfiles(limit: 10)) { try await profiles.create(accountId: acc, fields) }
            let first = try await profiles.list(accountId: acc).items[0]
            try await profiles.delete(accountId: acc, id: first.id)
            _ = try await profiles.create(accountId: acc, fields)
            let stored = try await TestDatabase.count("patients", in: db)
            #expect(stored == 10)
        }
    }

    @Test("pages follow the cursor without gaps or repeats", arguments: TestEngine.available)
    func paging(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let clock = ManualClock(now)
            let profiles = PatientProfiles(database: db, clock: clock)
            let acc = try await account(db)
            var ids: [String] = []
            for _ in 0..<7 {
                ids.append(try await profiles.create(accountId: acc, child()).id)
                clock.advance(by: 1)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await profiles.list(accountId: acc, limit: 3, cursor: cursor)
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == ids)
            await #expect(throws: ValidationFailed.self) { try await profiles.list(accountId: acc, cursor: "garbage!") }
        }
    }

    @Test(
        "invalid profiles are refused with the field named, and nothing is written",
        arguments: [
            (PatientProfileFields(name: "", gender: "male", birthDate: "2000-01-01"), "name"),
            (PatientProfileFields(name: String(repeating: "长", count: 51), gender: "male", birthDate: "2000-01-01"), "name"),
            (PatientProfileFields(name: "张三3", gender: "male", birthDate: "2000-01-01"), "name"),
            (PatientProfileFields(name: "张\u{0007}三", gender: "male", birthDate: "2000-01-01"), "name"),
            (PatientProfileFields(name: "张三", gender: "unknown", birthDate: "2000-01-01"), "gender"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "2026-11-30"), "birthDate"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "2001-02-29"), "birthDate"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "1899-12-31"), "birthDate"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "01/02/2000"), "birthDate"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "2000-01-01", idNumber: .some("110105200001010010")), "idNumber"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "2000-01-01", idNumber: .some("11010519491231002X")), "idNumber"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "2000-01-01", phone: .some("12345")), "phone"),
            (PatientProfileFields(name: "张三", gender: "male", birthDate: "2000-01-01", allergies: [""]), "allergies"),
            (PatientProfileFields(name: "张三", gender: "male"), "birthDate"),
        ])
    func validation(fields: PatientProfileFields, field: String) async throws {
        try await TestDatabase.with(.sqlite) { db in
            let profiles = PatientProfiles(database: db, clock: ManualClock(now))
            let acc = try await account(db)
            do {
                _ = try await profiles.create(accountId: acc, fields)
                Issue.record("accepted an invalid profile")
            } catch let failed as ValidationFailed {
                #expect(failed.errors.map(\.field).contains(field))
            }
            let stored = try await TestDatabase.count("patients", in: db)
            #expect(stored == 0)
        }
    }

    @Test("today's birth date is allowed; tomorrow's is not (in Shanghai, with the server in UTC)")
    func birthDateBoundary() async throws {
        try await TestDatabase.with(.sqlite) { db in
            // 2026-11-29 16:30 UTC is already 2026-11-30 00:30 in Shanghai.
            let profiles = PatientProfiles(database: db, clock: ManualClock(Date(timeIntervalSince1970: 1_795_969_800)))
            let acc = try await account(db)
            let newborn = try await profiles.create(accountId: acc, PatientProfileFields(name: "新生儿", gender: "female", birthDate: "2026-11-30"))
            #expect(newborn.birthDate == "2026-11-30")
            await #expect(throws: ValidationFailed.self) {
                try await profiles.create(accountId: acc, PatientProfileFields(name: "未来", gender: "female", birthDate: "2026-12-01"))
            }
        }
    }
}

@Suite("Resident ID numbers")
struct ChineseIDNumberTests {
    @Test(arguments: ["11010519491231002X", "11010519491231002x", "440524188001010014", "110105202305010014"])
    func valid(number: String) {
        #expect(ChineseIDNumber(number) != nil)
    }

    @Test(arguments: ["110105194912310021", "11010519491231002", "1101051949123100200", "A1010519491231002X", "", "11010519491231002Y"])
    func invalid(number: String) {
        #expect(ChineseIDNumber(number) == nil)
    }

    @Test func birthDateIsRead() {
        #expect(ChineseIDNumber("11010519491231002X")?.birthDate == "1949-12-31")
    }
}
