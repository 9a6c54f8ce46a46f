import Foundation
import SQLKit
import Storage

/// The consent ledger: every decision is appended, never changed; the latest decision per profile and purpose is the
/// one in force. The account holder's own decision covers the adult profiles they manage; a profile under 14 needs
/// its guardian's decision as well (PIPL art. 31).
public struct ConsentLedger: Sendable {
    /// Below this age a profile's health information is processed only with its guardian's own consent.
    public static let guardianAge = 14

    let database: Database
    let clock: any NowProvider
    let profiles: PatientProfiles

    public init(database: Database, clock: any NowProvider, profiles: PatientProfiles) {
        self.database = database
        self.clock = clock
        self.profiles = profiles
    }

    /// Appends a decision of the account for itself (`patientId` nil) or for one of its profiles.
    public func decide(
        _ purpose: ConsentPurpose, granted: Bool, textVersion: String, accountId: String,
        patientId: String?
    ) async throws -> ConsentDecision {
        let now = clock.now()
        let grantor: ConsentGrantor
        if let patientId {
            let profile = try await profiles.get(accountId: accountId, id: patientId)
            grantor = profiles.isChild(profile, under: Self.guardianAge, at: now) ? .guardian : .representative
        } else {
            grantor = .patient
        }
        let engine = database.engine
        try await database.transaction { db in
            try await db.lock(key: "consent:" + accountId, engine: engine)
            try await db.raw(
                """
                INSERT INTO consent_events (id, account_id, seq, patient_id, purpose, granted, text_version, grantor, at)
                SELECT \(bind: Identifier.make("cns")), \(bind: accountId), COALESCE(MAX(seq), 0) + 1, \(bind: patientId ?? ""),
                       \(bind: purpose.rawValue), \(bind: granted ? 1 : 0), \(bind: textVersion), \(bind: grantor.rawValue),
                       \(bind: Clock.millis(now))
                FROM consent_events WHERE account_id = \(bind: accountId)
                """
            ).run()
        }
        return ConsentDecision(purpose: purpose, patientId: patientId, granted: granted, textVersion: textVersion, grantor: grantor, at: now)
    }

    /// Every decision of the account, oldest first.
    public func history(accountId: String) async throws -> [ConsentDecision] {
        try await database.sql.raw(
            """
            SELECT patient_id, purpose, granted, text_version, grantor, at FROM consent_events WHERE account_id = \(bind: accountId)
            ORDER BY seq
            """
        ).all().compactMap(Self.decision)
    }

    /// The decisions in force: the latest per profile and purpose.
    public func current(accountId: String) async throws -> [ConsentDecision] {
        var latest: [String: ConsentDecision] = [:]
        for decision in try await history(accountId: accountId) {
            latest[decision.purpose.rawValue + "/" + (decision.patientId ?? "")] = decision
        }
        return latest.values.sorted { ($0.purpose.rawValue, $0.patientId ?? "") < ($1.purpose.rawValue, $1.patientId ?? "") }
    }

    /// Refuses processing for `purpose` unless the account's own consent is in force and, for a profile under 14, its
    /// guardian's too.
    public func require(_ purpose: ConsentPurpose, accountId: String, patientId: String?) async throws {
        let rows = try await database.sql.raw(
            """
            SELECT patient_id, granted FROM consent_events WHERE account_id = \(bind: accountId) AND purpose = \(bind: purpose.rawValue)
              AND patient_id IN ('', \(bind: patientId ?? "")) ORDER BY seq
            """
        ).all()
        var granted: [String: Bool] = [:]
        for row in rows { granted[try row.decode(column: "patient_id", as: String.self)] = try row.decode(column: "granted", as: Int.self) == 1 }
        guard granted[""] == true else { throw AccountsError.consentRequired(purpose: purpose, patientId: nil) }
        guard let patientId, granted[patientId] != true else { return }
        let profile = try await profiles.get(accountId: accountId, id: patientId)
        if profiles.isChild(profile, under: Self.guardianAge, at: clock.now()) {
            throw AccountsError.consentRequired(purpose: purpose, patientId: patientId)
        }
    }

    /// Deletes the account's ledger inside the caller's transaction (account deletion).
    public static func erase(accountId: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM consent_events WHERE account_id = \(bind: accountId)").run()
    }

    private static func decision(_ row: any SQLRow) throws -> ConsentDecision? {
        guard let purpose = ConsentPurpose(rawValue: try row.decode(column: "purpose", as: String.self)),
            let grantor = ConsentGrantor(rawValue: try row.decode(column: "grantor", as: String.self))
        else { return nil }
        let patientId = try row.decode(column: "patient_id", as: String.self)
        return ConsentDecision(
            purpose: purpose, patientId: patientId.isEmpty ? nil : patientId,
            granted: try row.decode(column: "granted", as: Int.self) == 1,
            textVersion: try row.decode(column: "text_version", as: String.self), grantor: grantor,
            at: Clock.date(millis: try row.decode(column: "at", as: Int64.self)))
    }
}
