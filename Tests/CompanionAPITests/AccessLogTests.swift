import Accounts
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

/// Who read whose health data: conversations, exports, records and transcripts, for administrators only, filtered and
/// paged, free of the data itself, pseudonymised with a deleted account and kept as long as configured.
struct AccessLogTests {
    @Test("reads of conversations, exports, transcripts and records are logged for admins", arguments: TestEngine.available)
    func readsAreLogged(engine: TestEngine) async throws {
        try await withAPI(engine, clock: RecordScene.clock()) { api in
            let scene = try await RecordScene.make(api)
            let token = scene.patient.accessToken
            let accountId = try #require(scene.patient.accountId)
            let conversations = try await api.send(.get, "/v1/conversations", token: token).json()["items"] as! [[String: Any]]
            let conversationId = try #require(conversations.first?["id"] as? String)
            #expect(try await api.send(.get, "/v1/conversations/\(conversationId)", token: token).status == .ok)
            #expect(try await api.send(.get, "/v1/account/export", token: token).status == .ok)
            let encounterId = try await scene.consultation()
            #expect(try await api.send(.get, "/v1/encounters/\(encounterId)", token: scene.doctor.accessToken).status == .ok)

            let admin = try await api.staffLogin(role: .admin, username: "admin.access")
            let log = try await api.send(.get, "/v1/admin/access-log?accountId=\(accountId)", token: admin.accessToken)
            #expect(log.status == .ok, "\(log.text)")
            let items = try log.json()["items"] as! [[String: Any]]
            let lines = items.map { "\($0["action"]!) \($0["subjectKind"]!) \(($0["actor"] as! String).split(separator: ":")[0])" }
            for expected in [
                "read conversation patient", "list_conversations account patient", "export account patient",
                "read_transcript encounter doctor", "open_encounter encounter doctor",
            ] {
                #expect(lines.contains(expected), "\(expected) in \(lines)")
            }
            #expect(!log.text.contains("发烧") && !log.text.contains("13800138000"))
            let times = items.compactMap { $0["at"] as? String }
            #expect(times == times.sorted(by: >))

            // Paged without loss or overlap; filtered by who read.
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.send(
                    .get, "/v1/admin/access-log?accountId=\(accountId)&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""),
                    token: admin.accessToken
                ).json()
                seen += (page["items"] as! [[String: Any]]).map { $0["id"] as! String }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == items.map { $0["id"] as! String })
            let doctorOnly =
                try await api.send(
                    .get, "/v1/admin/access-log?actor=doctor:\(scene.doctor.staffId ?? "")",
                    token: admin.accessToken
                ).json()["items"] as! [[String: Any]]
            #expect(!doctorOnly.isEmpty && doctorOnly.allSatisfy { ($0["actor"] as? String)?.hasPrefix("doctor:") == true })

            #expect(try await api.send(.get, "/v1/admin/access-log", token: token).status == .forbidden)
            #expect(try await api.send(.get, "/v1/admin/access-log", token: scene.doctor.accessToken).status == .forbidden)
            #expect(try await api.send(.get, "/v1/admin/access-log").status == .unauthorized)
            let backwards = try await api.send(
                .get, "/v1/admin/access-log?since=2026-12-05T00:00:00Z&until=2026-12-04T00:00:00Z",
                token: admin.accessToken)
            #expect(backwards.status.code == 422 && backwards.isProblem)

            // A deleted account's lines name its pseudonym only.
            #expect(try await api.send(.delete, "/v1/account", token: token).status == .ok)
            let after = try await api.send(.get, "/v1/admin/access-log?accountId=\(accountId)", token: admin.accessToken).json()
            #expect((after["items"] as? [Any])?.isEmpty == true)
            let all = try await api.send(.get, "/v1/admin/access-log?limit=100", token: admin.accessToken)
            #expect(!all.text.contains(accountId))
        }
    }

    @Test("the audit is kept as long as configured, and no longer")
    func retention() async throws {
        let clock = RecordScene.clock()
        try await withAPI(clock: clock) { api in
            let token = try await api.login().accessToken
            #expect(try await api.send(.get, "/v1/conversations", token: token).status == .ok)
            #expect(try await TestDatabase.count("access_log", in: api.database) == 1)
            let sweep = RetentionSweep(database: api.database, rules: RetentionRule.standard(auditKept: 180 * RetentionRule.day))
            #expect(try await sweep.run(now: clock.now().addingTimeInterval(179 * RetentionRule.day))["access_log"] == nil)
            #expect(try await sweep.run(now: clock.now().addingTimeInterval(181 * RetentionRule.day))["access_log"] == 1)
        }
    }
}
