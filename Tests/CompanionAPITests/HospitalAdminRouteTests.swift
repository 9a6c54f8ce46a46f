import Accounts
@testable import CompanionAPI
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Administrators change hospitals through the API, audited")
struct HospitalAdminRouteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/hospitals")

    static func file(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    @Test("import a bundle (dry run first), again with no change, a malformed one refused whole; patients may not", arguments: TestEngine.available)
    func importBundle(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let admin = try await api.staffLogin(role: .admin, username: "admin.hospitals")
            let patient = try await api.login()
            let bundle = try Self.file("qingshan-county.fhir.json")
            let forbidden = try await api.send(
                .post, "/v1/admin/hospitals/import", bytes: bundle, token: patient.accessToken, contentType: "application/fhir+json")
            #expect(forbidden.status == .forbidden)

            let dry = try await api.send(
                .post, "/v1/admin/hospitals/import?dryRun=true", bytes: bundle, token: admin.accessToken, contentType: "application/fhir+json")
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(try dry.json()["dryRun"] as? Bool == true && ((try dry.json()["changes"] as? [Any])?.count ?? 0) > 20)
            let absent = try await api.send(.get, "/v1/admin/hospitals/qingshan/settings", token: admin.accessToken)
            #expect(absent.status == .notFound, "a dry run writes nothing")

            let imported = try await api.send(
                .post, "/v1/admin/hospitals/import", bytes: bundle, token: admin.accessToken, contentType: "application/fhir+json")
            #expect(imported.status == .ok, "\(imported.text)")
            #expect(try await api.send(.get, "/v1/hospitals/qingshan", token: patient.accessToken).status == .ok)
            let eyes = try await MultiHospitalTests.firstTriage(api, patient.accessToken, hospital: "qingshan", "眼睛又红又痒，三天了")
            #expect(eyes["departmentId"] as? String == "qs-wgk", "the new hospital's departments are served at once")
            let again = try await api.send(
                .post, "/v1/admin/hospitals/import", bytes: bundle, token: admin.accessToken, contentType: "application/fhir+json")
            #expect(((try again.json()["changes"] as? [Any]) ?? [1]).isEmpty, "re-importing the same bundle changes nothing")

            let broken = #"{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Organization"}}]}"#
            let refused = try await api.send(
                .post, "/v1/admin/hospitals/import", bytes: Array(broken.utf8), token: admin.accessToken, contentType: "application/fhir+json")
            #expect(
                refused.status == .unprocessableContent && refused.text.contains("invalid_bundle") && refused.text.contains("entry[0]"),
                "\(refused.text)")

            let log = try await api.send(.get, "/v1/admin/hospital-changes?hospitalId=qingshan", token: admin.accessToken)
            let items = (try log.json()["items"] as? [[String: Any]]) ?? []
            #expect(items.count == 1 && items.first?["action"] as? String == "bundle_imported", "one change: \(log.text)")
            #expect((items.first?["actor"] as? String ?? "").hasPrefix("admin:") && (items.first?["summary"] as? String ?? "").contains("qs-wgk"))
        }
    }

    @Test("read and replace a hospital's settings: checked whole, sessions generated, audited; unknown hospitals are 404")
    func settings() async throws {
        try await withAPI { api in
            let admin = try await api.staffLogin(role: .admin, username: "admin.settings")
            let patient = try await api.login()
            _ = try await api.send(
                .post, "/v1/admin/hospitals/import", bytes: try Self.file("qingshan-county.fhir.json"), token: admin.accessToken,
                contentType: "application/fhir+json")
            let empty = try await api.send(.get, "/v1/admin/hospitals/qingshan/settings", token: admin.accessToken)
            #expect(empty.status == .ok && empty.text.trimmingCharacters(in: .whitespacesAndNewlines) == "{}", "\(empty.text)")
            #expect(try await api.send(.get, "/v1/admin/hospitals/qingshan/settings", token: patient.accessToken).status == .forbidden)

            let file = try Self.file("qingshan-county.settings.json")
            let saved = try await api.send(.put, "/v1/admin/hospitals/qingshan/settings", bytes: file, token: admin.accessToken)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(try saved.json()["changed"] as? Bool == true && (try saved.json()["sessionsCreated"] as? Int ?? 0) > 0)
            let same = try await api.send(.put, "/v1/admin/hospitals/qingshan/settings", bytes: file, token: admin.accessToken)
            #expect(try same.json()["changed"] as? Bool == false)
            let read = try await api.send(.get, "/v1/admin/hospitals/qingshan/settings", token: admin.accessToken)
            #expect(((try read.json()["registration"] as? [String: Any])?["releaseTime"] as? String) == "07:30")

            let bad = #"{"registration": {"cancelCutoffMinutes": 99999}, "wording": [{"id": "no_such_message", "zh": "x", "en": "x"}]}"#
            let refused = try await api.send(.put, "/v1/admin/hospitals/qingshan/settings", json: bad, token: admin.accessToken)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            #expect(refused.text.contains("registration.cancelCutoffMinutes") && refused.text.contains("wording"))
            #expect(try await api.send(.put, "/v1/admin/hospitals/nowhere/settings", json: "{}", token: admin.accessToken).status == .notFound)

            let log = try await api.send(.get, "/v1/admin/hospital-changes?hospitalId=qingshan", token: admin.accessToken)
            let actions = ((try log.json()["items"] as? [[String: Any]]) ?? []).compactMap { $0["action"] as? String }
            #expect(actions == ["settings_saved", "bundle_imported"], "newest first, refused and unchanged saves not logged: \(log.text)")
        }
    }
}
