import Foundation
import SQLKit
import Storage

/// What an account's deletion did to its encounters.
public struct RecordsErasure: Sendable, Equatable {
    /// Signed records (amendments included) kept for the hospital, their encounter no longer naming the account.
    public var keptSigned = 0
    /// Encounters deleted whole: nothing in them was signed.
    public var deletedEncounters = 0
}

extension Records {
    /// Deletes an account's encounters inside the caller's transaction, except what the hospital must keep: an
    /// encounter with a signed record keeps its signed records (and the revisions that led to them) and names
    /// `pseudonym` instead of the account; its transcript and unsigned drafts go. The patient id inside a signature
    /// stays, so the signature still verifies; the profile it named is deleted with the account.
    public static func erase(accountId: String, pseudonym: String, on db: any SQLDatabase) async throws -> RecordsErasure {
        let encounters = try await db.raw(
            """
            SELECT e.id, (SELECT COUNT(*) FROM records r WHERE r.encounter_id = e.id AND r.status = 'signed') AS signed
            FROM encounters e WHERE e.account_id = \(bind: accountId)
            """
        ).all().map { (id: try $0.decode(column: "id", as: String.self), signed: try $0.decode(column: "signed", as: Int.self)) }
        var erasure = RecordsErasure()
        for encounter in encounters {
            let unsigned: SQLQueryString = encounter.signed > 0 ? " AND status = 'draft'" : ""
            try await db.raw(
                """
                DELETE FROM record_revisions WHERE record_id IN (SELECT id FROM records WHERE encounter_id = \(bind: encounter.id)
                """ + unsigned + ")"
            ).run()
            try await db.raw("DELETE FROM records WHERE encounter_id = \(bind: encounter.id)" + unsigned).run()
            try await db.raw("DELETE FROM encounter_turns WHERE encounter_id = \(bind: encounter.id)").run()
            if encounter.signed > 0 {
                erasure.keptSigned += encounter.signed
                try await db.raw(
                    """
                    UPDATE encounters SET account_id = \(bind: pseudonym), turn_count = 0 WHERE id = \(bind: encounter.id)
                    """
                ).run()
            } else {
                erasure.deletedEncounters += 1
                try await db.raw("DELETE FROM encounters WHERE id = \(bind: encounter.id)").run()
            }
        }
        try await db.raw(
            """
            UPDATE record_audit SET actor = \(bind: RecordActor.patient(accountId: pseudonym).auditName)
            WHERE actor = \(bind: RecordActor.patient(accountId: accountId).auditName)
            """
        ).run()
        return erasure
    }
}
