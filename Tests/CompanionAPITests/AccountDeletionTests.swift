import Accounts
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Speech
import Storage
import Testing

/// Deleting an account and exporting it: what the person said goes everywhere it went, the appointments still to
/// come give their places back, signed records stay with the hospital unlinked, and the phone starts afresh.
struct AccountDeletionTests {
    static let sentence = "左边后槽牙疼了整整十一天"

    @Test(
        "the export holds everything; deletion leaves no row, audio or token of the person but the unlinked signed record",
        arguments: TestEngine.available)
    func deleteAndExport(engine: TestEngine) async throws {
        try await withAPI(engine, clock: RecordScene.clock()) { api in
            let scene = try await RecordScene.make(api)
            let token = scene.patient.accessToken
            let accountId = try #require(scene.patient.accountId)
            let adult = try await api.createPatient(token, name: "王大明", birthDate: "1960-02-03")
            let started = try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(adult)"}"#, token: token)
            let conversationId = try started.json()["id"] as! String
            let said = try await api.send(
                .post, "/v1/conversations/\(conversationId)/messages",
                json: #"{"text":"\#(Self.sentence)","speech":{"format":"mp3"}}"#, token: token)
            let speech = try #require((try said.json()["reply"] as? [String: Any])?["speech"] as? [String: Any])
            let contentKey = String(try #require(speech["key"] as? String).prefix(32))
            let slotId = try await Self.openSession(api, doctorId: "doc_neurology_1", date: "2026-12-11")
            let booked = try await api.send(
                .post, "/v1/appointments",
                json: """
                    {"slotId":"\(slotId)","patientId":"\(adult)","reason":"\(Self.sentence)"}
                    """, token: token, headers: [HTTPField.Name("Idempotency-Key")!: "book-neurology"])
            #expect(booked.status == .created, "\(booked.text)")
            let recordId = try await Self.signedRecord(scene)
            #expect(try await api.send(.get, "/v1/records/\(recordId)", token: token).status == .ok)

            let export = try await api.send(.get, "/v1/account/export", token: token)
            #expect(export.status == .ok)
            let exported = try export.json()
            #expect((exported["account"] as? [String: Any])?["phone"] as? String == "13800138000")
            #expect((exported["profiles"] as? [Any])?.count == 2)
            #expect((exported["appointments"] as? [[String: Any]])?.contains { $0["reason"] as? String == Self.sentence } == true)
            #expect((exported["conversations"] as? [Any])?.count == 2)
            #expect(export.text.contains(Self.sentence))
            #expect((exported["consents"] as? [Any])?.isEmpty == false)
            #expect((exported["records"] as? [[String: Any]])?.map { $0["id"] as? String } == [recordId])
            #expect(try await api.send(.get, "/v1/account/export", token: scene.otherPatient.accessToken).text.contains(Self.sentence) == false)

            let deleted = try await api.send(.delete, "/v1/account", token: token)
            #expect(deleted.status == .ok, "\(deleted.text)")
            let answer = try deleted.json()
            #expect((answer["deleted"] as? [String: Any])?["profiles"] as? Int == 2)
            #expect((answer["deleted"] as? [String: Any])?["conversations"] as? Int == 2)
            #expect((answer["cancelledAppointments"] as? [Any])?.count == 2)
            let retained = try #require((answer["retained"] as? [[String: Any]])?.first)
            #expect(retained["kind"] as? String == "signed_record" && retained["count"] as? Int == 1)

            // Nothing names the person any more, except the hospital's signed record (its patient and the name on it).
            for needle in [accountId, adult, "13800138000", "王大明", Self.sentence] {
                #expect(try await Self.columns(containing: needle, in: api.database) == [], "\(needle)")
            }
            let kept = try await Self.columns(containing: "王小宝", in: api.database)
            #expect(kept.allSatisfy { $0.hasPrefix("encounters.") || $0.hasPrefix("records.") || $0.hasPrefix("record_revisions.") }, "\(kept)")
            let files = try FileManager.default.contentsOfDirectory(atPath: try #require(api.speech).cache.directory.path)
            #expect(!files.contains { $0.hasPrefix(contentKey) })
            let booked2 = try await api.database.sql.raw("SELECT COALESCE(SUM(booked), 0) AS n FROM slots").first()
            #expect(try booked2?.decode(column: "n", as: Int.self) == 0)

            // The signed record still verifies for its doctor; the tokens are dead; the phone signs up afresh.
            let record = try await api.send(.get, "/v1/records/\(recordId)", token: scene.doctor.accessToken).json()
            #expect(record["contentVerified"] as? Bool == true)
            #expect(try await api.send(.get, "/v1/patients", token: token).status == .unauthorized)
            let refresh = try await api.send(.post, "/v1/auth/refresh", json: #"{"refreshToken":"\#(scene.patient.refreshToken)"}"#)
            #expect(refresh.status == .unauthorized)
            let again = try await api.login("13800138000")
            #expect(again.accountId != accountId)
            #expect((try await api.send(.get, "/v1/records", token: again.accessToken).json()["items"] as? [Any])?.isEmpty == true)
            #expect((try await api.send(.get, "/v1/patients", token: again.accessToken).json()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a visit under way refuses deletion; the account and its appointment stay", arguments: TestEngine.available)
    func visitUnderWay(engine: TestEngine) async throws {
        let clock = RecordScene.clock()
        try await withAPI(engine, clock: clock) { api in
            let scene = try await RecordScene.make(api)
            clock.set(ISO8601DateFormatter().date(from: "2026-12-10T00:10:00Z")!)
            let patient = try await api.login("13800138000")
            let checkedIn = try await api.send(.post, "/v1/appointments/\(scene.appointmentId)/check-in", token: patient.accessToken)
            #expect(checkedIn.status == .ok, "\(checkedIn.text)")
            let refused = try await api.send(.delete, "/v1/account", token: patient.accessToken)
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "visit_under_way")
            #expect(try await api.send(.get, "/v1/appointments/\(scene.appointmentId)", token: patient.accessToken).status == .ok)
        }
    }

    @Test("deleting needs a patient's token")
    func onlyPatients() async throws {
        try await withAPI { api in
            #expect(try await api.send(.delete, "/v1/account").status == .unauthorized)
            let admin = try await api.staffLogin(role: .admin)
            #expect(try await api.send(.delete, "/v1/account", token: admin.accessToken).status == .forbidden)
            #expect(try await api.send(.get, "/v1/account/export", token: admin.accessToken).status == .forbidden)
        }
    }

    // MARK: Helpers

    static func openSession(_ api: API, doctorId: String, date: String) async throws -> String {
        let admin = try await api.staffLogin(role: .admin, username: "admin.erasure")
        let created = try await api.send(
            .post, "/v1/admin/sessions",
            json: """
                {"doctorId":"\(doctorId)","date":"\(date)","period":"morning","start":"08:00","end":"09:00","slotMinutes":30,"capacityPerSlot":2,"fee":25}
                """, token: admin.accessToken)
        guard created.status == .created else { throw HarnessError("session: \(created.text)") }
        return ((try created.json()["slots"] as! [[String: Any]])[0])["id"] as! String
    }

    /// The scene's consultation drafted and signed by its doctor; the record's id.
    static func signedRecord(_ scene: RecordScene) async throws -> String {
        let encounterId = try await scene.consultation()
        let drafted = try await scene.api.send(
            .post, "/v1/encounters/\(encounterId)/drafts", json: #"{"template":"zh-outpatient"}"#,
            token: scene.doctor.accessToken)
        let draftId = try drafted.json()["id"] as! String
        let signed = try await scene.api.send(.post, "/v1/drafts/\(draftId)/sign", token: scene.doctor.accessToken)
        guard signed.status == .ok else { throw HarnessError("sign: \(signed.text)") }
        return draftId
    }

    /// Every text column (`table.column`) of the database holding `needle` in some row.
    static func columns(containing needle: String, in database: Database) async throws -> [String] {
        let listing: SQLQueryString =
            database.engine == .sqlite
            ? """
            SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND p.type = 'TEXT'
            """
            : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'text'"
        var found: [String] = []
        for row in try await database.sql.raw(listing).all() {
            let table = try row.decode(column: "table_name", as: String.self)
            let column = try row.decode(column: "column_name", as: String.self)
            let position: SQLQueryString =
                database.engine == .sqlite
                ? "instr(\"\(unsafeRaw: column)\", \(bind: needle))" : "strpos(\"\(unsafeRaw: column)\", \(bind: needle))"
            let hit = try await database.sql.raw("SELECT 1 AS one FROM \(unsafeRaw: table) WHERE " + position + " > 0 LIMIT 1").first()
            if hit != nil { found.append("\(table).\(column)") }
        }
        return found.sorted()
    }
}
