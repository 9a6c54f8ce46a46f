import Foundation
import SQLKit
import Storage

/// The patient profiles of accounts. Every read and write is scoped to one account: another account's
/// profile is reported as not found.
public struct PatientProfiles: Sendable {
    public static let maxPerAccount = 10

    let database: Database
    let clock: any NowProvider
    /// Whose "today" decides whether a birth date lies in the future.
    let timeZone: TimeZone

    public init(database: Database, clock: any NowProvider, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) {
        self.database = database
        self.clock = clock
        self.timeZone = timeZone
    }

    /// A page of an account's profiles, oldest first.
    public struct Page: Sendable {
        public let items: [PatientProfile]
        public let nextCursor: String?
    }

    /// Creates a profile; at most `maxPerAccount` per account.
    public func create(accountId: String, _ fields: PatientProfileFields) async throws -> PatientProfile {
        var v = Validator()
        v.check(fields.name != nil, "name", "is required")
        v.check(fields.gender != nil, "gender", "is required")
        v.check(fields.birthDate != nil, "birthDate", "is required")
        try v.throwIfFailed()
        let now = clock.now()
        let profile = try validated(
            PatientProfile(
                id: Identifier.make("pat"), accountId: accountId, name: "", gender: .female, birthDate: "",
                idNumber: nil, phone: nil, allergies: [], createdAt: now, updatedAt: now
            ), applying: fields)
        let limit = Self.maxPerAccount
        let created: Bool = try await database.transaction { db in
            // One conditional update both counts and reserves, so concurrent creates cannot pass the limit.
            let reserved = try await db.raw(
                """
                UPDATE accounts SET patient_count = patient_count + 1
                WHERE id = \(bind: accountId) AND patient_count < \(bind: limit) RETURNING id
                """
            ).first()
            guard reserved != nil else { return false }
            try await Self.insert(profile, allergies: try sealed(profile.allergies), on: db)
            return true
        }
        guard created else { throw AccountsError.tooManyProfiles(limit: limit) }
        return profile
    }

    /// One profile of the account.
    public func get(accountId: String, id: String) async throws -> PatientProfile {
        guard
            let row = try await database.sql.raw(
                """
                SELECT * FROM patients WHERE id = \(bind: id) AND account_id = \(bind: accountId)
                """
            ).first()
        else { throw NotFound("patient") }
        return try Self.profile(from: row)
    }

    /// The account's profiles, oldest first, `limit` at a time.
    public func list(accountId: String, limit: Int = 50, cursor: String? = nil) async throws -> Page {
        let size = max(1, min(limit, 100))
        let after = try cursor.map(PageCursor.init(token:))
        let rows = try await database.sql.raw(
            """
            SELECT * FROM patients WHERE account_id = \(bind: accountId)
              AND (created_at > \(bind: after?.millis ?? -1) OR (created_at = \(bind: after?.millis ?? -1) AND id > \(bind: after?.id ?? "")))
            ORDER BY created_at, id LIMIT \(bind: size + 1)
            """
        ).all()
        let items = try rows.prefix(size).map(Self.profile(from:))
        let next = rows.count > size ? items.last.map { PageCursor(millis: Clock.millis($0.createdAt), id: $0.id).token } : nil
        return Page(items: items, nextCursor: next)
    }

    /// Changes the given fields; the result must still be a valid profile.
    public func update(accountId: String, id: String, _ fields: PatientProfileFields) async throws -> PatientProfile {
        var profile = try validated(try await get(accountId: accountId, id: id), applying: fields)
        profile.updatedAt = clock.now()
        try await database.write(
            """
            UPDATE patients SET name = \(bind: profile.name), gender = \(bind: profile.gender.rawValue),
              birth_date = \(bind: profile.birthDate), id_number = \(bind: profile.idNumber), phone = \(bind: profile.phone),
              allergies = \(bind: try sealed(profile.allergies)), updated_at = \(bind: Clock.millis(profile.updatedAt))
            WHERE id = \(bind: id) AND account_id = \(bind: accountId)
            """)
        return profile
    }

    /// Deletes a profile and frees its place under the account's limit. A profile with appointments on record
    /// stays (the database refuses the delete).
    public func delete(accountId: String, id: String) async throws {
        do {
            try await deleteRow(accountId: accountId, id: id)
        } catch  where ConstraintViolation.isForeignKey(error, constraint: "appointments_patient_id_fkey") {
            throw AccountsError.profileInUse
        }
    }

    private func deleteRow(accountId: String, id: String) async throws {
        let deleted: Bool = try await database.transaction { db in
            let gone = try await db.raw(
                """
                DELETE FROM patients WHERE id = \(bind: id) AND account_id = \(bind: accountId) RETURNING id
                """
            ).first()
            guard gone != nil else { return false }
            try await db.raw("UPDATE accounts SET patient_count = patient_count - 1 WHERE id = \(bind: accountId)").run()
            return true
        }
        guard deleted else { throw NotFound("patient") }
    }

    private func validated(_ base: PatientProfile, applying fields: PatientProfileFields) throws -> PatientProfile {
        var profile = base
        var v = Validator()
        if let name = fields.name { profile.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let gender = fields.gender {
            if let parsed = PatientProfile.Gender(rawValue: gender) {
                profile.gender = parsed
            } else {
                v.check(false, "gender", "must be male or female")
            }
        }
        if let birthDate = fields.birthDate { profile.birthDate = birthDate }
        if let idNumber = fields.idNumber { profile.idNumber = idNumber.map { $0.uppercased() } }
        if let phone = fields.phone { profile.phone = phone.map { PhoneNumber($0)?.value ?? $0 } }
        if let allergies = fields.allergies { profile.allergies = allergies.map { $0.trimmingCharacters(in: .whitespaces) } }
        var errors = v.errors
        do {
            try PatientProfileRules.validate(profile, today: CalendarDate(clock.now(), in: timeZone).text)
        } catch let failed as ValidationFailed {
            errors += failed.errors
        }
        if !errors.isEmpty { throw ValidationFailed(errors) }
        return profile
    }

    static func insert(_ p: PatientProfile, allergies: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO patients (id, account_id, name, gender, birth_date, id_number, phone, allergies, created_at, updated_at)
            VALUES (\(bind: p.id), \(bind: p.accountId), \(bind: p.name), \(bind: p.gender.rawValue), \(bind: p.birthDate),
                    \(bind: p.idNumber), \(bind: p.phone), \(bind: allergies),
                    \(bind: Clock.millis(p.createdAt)), \(bind: Clock.millis(p.updatedAt)))
            """
        ).run()
    }

    /// Allergies are health data: sealed at rest like the rest (`SealedColumns`).
    func sealed(_ allergies: [String]) throws -> String {
        try database.seal(String(decoding: try JSONEncoder().encode(allergies), as: UTF8.self), .profile)
    }

    static func profile(from row: any SQLRow) throws -> PatientProfile {
        let allergies = try Sealed.open(try row.decode(column: "allergies", as: String.self), .profile)
        return PatientProfile(
            id: try row.decode(column: "id", as: String.self),
            accountId: try row.decode(column: "account_id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            gender: PatientProfile.Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .female,
            birthDate: try row.decode(column: "birth_date", as: String.self),
            idNumber: try row.decode(column: "id_number", as: String?.self),
            phone: try row.decode(column: "phone", as: String?.self),
            allergies: (try? JSONDecoder().decode([String].self, from: Data(allergies.utf8))) ?? [],
            createdAt: Clock.date(millis: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Clock.date(millis: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}

extension PatientProfiles {
    /// Whether the profile is younger than `years` on the hospital's date of `now` (a birthday counts from its day).
    public func isChild(_ profile: PatientProfile, under years: Int, at now: Date) -> Bool {
        guard let birthYear = Int(profile.birthDate.prefix(4)) else { return false }
        let comingOfAge = String(format: "%04d", birthYear + years) + profile.birthDate.dropFirst(4)
        return CalendarDate(now, in: timeZone).text < comingOfAge
    }
}
