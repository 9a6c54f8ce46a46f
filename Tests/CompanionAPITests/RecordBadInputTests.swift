import Accounts
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

/// Bad input to the record routes: a clear 4xx problem, and nothing half-written.
struct RecordBadInputTests {
    @Test("empty, oversized and malformed transcripts, unknown speakers, another doctor's encounter: 4xx and nothing written")
    func badTranscripts() async throws {
        let logs = LogCapture()
        try await withAPI(.sqlite, clock: RecordScene.clock(), logs: logs) { api in
            let scene = try await RecordScene.make(api)
            let doctor = scene.doctor.accessToken
            let opened = try await api.send(.post, "/v1/encounters", json: #"{"appointmentId":"\#(scene.appointmentId)"}"#, token: doctor)
            let id = try opened.json()["id"] as! String
            let before = try opened.json()["turnCount"] as! Int

            // A draft before any consultation turn.
            let early = try await api.send(.post, "/v1/encounters/\(id)/drafts", token: doctor)
            #expect(early.status == .unprocessableContent && early.problemCode == "empty_transcript")

            let tenThousand = "{\"turns\":[" + Array(repeating: #"{"speaker":"patient","text":"咳嗽"}"#, count: 10_000).joined(separator: ",") + "]}"
            let cases: [(String, String, HTTPResponse.Status, String, String?)] = [
                ("no turns", #"{"turns":[]}"#, .unprocessableContent, "validation_failed", "turns"),
                ("10,000 turns", tenThousand, .contentTooLarge, "transcript_too_long", nil),
                (
                    "unknown speaker", #"{"turns":[{"speaker":"doctor","text":"你好"},{"speaker":"nurse","text":"量体温"}]}"#, .unprocessableContent,
                    "validation_failed", "turns[1].speaker"
                ),
                (
                    "previsit is the server's", #"{"turns":[{"speaker":"previsit","text":"发烧"}]}"#, .unprocessableContent, "validation_failed",
                    "turns[0].speaker"
                ),
                (
                    "blank text", #"{"turns":[{"speaker":"doctor","text":"你好"},{"speaker":"patient","text":"   "}]}"#, .unprocessableContent,
                    "validation_failed", "turns[1].text"
                ),
                (
                    "end before start", #"{"turns":[{"speaker":"doctor","text":"你好","startMs":900,"endMs":100}]}"#, .unprocessableContent,
                    "validation_failed", "turns[0].endMs"
                ),
                (
                    "text too long", #"{"turns":[{"speaker":"doctor","text":"\#(String(repeating: "咳", count: 4_001))"}]}"#, .unprocessableContent,
                    "validation_failed", "turns[0].text"
                ),
                ("missing text", #"{"turns":[{"speaker":"doctor"}]}"#, .badRequest, "invalid_body", nil),
                ("not JSON", #"{"turns":"#, .badRequest, "invalid_body", nil),
            ]
            for (name, body, status, code, field) in cases {
                let response = try await api.send(.post, "/v1/encounters/\(id)/transcript", json: body, token: doctor)
                #expect(response.status == status, "\(name): \(response.text)")
                #expect(response.problemCode == code, "\(name)")
                #expect(response.isProblem, "\(name)")
                if let field {
                    let fields = (try response.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                    #expect(fields.contains(field), "\(name): \(fields)")
                }
            }
            let after = try await api.send(.get, "/v1/encounters/\(id)", token: doctor).json()
            #expect(after["turnCount"] as? Int == before)
            #expect((after["transcript"] as? [Any])?.count == before)

            // Another doctor can neither append nor draft; a patient neither.
            for token in [scene.otherDoctor.accessToken, scene.patient.accessToken] {
                let append = try await api.send(
                    .post, "/v1/encounters/\(id)/transcript", json: #"{"turns":[{"speaker":"doctor","text":"你好"}]}"#, token: token)
                #expect(append.status == .notFound)
                let draft = try await api.send(.post, "/v1/encounters/\(id)/drafts", token: token)
                #expect(draft.status == .notFound)
            }

            // Filling the encounter to its 2,000 turns, then one more: refused, and the count stays.
            let batch = "{\"turns\":[" + Array(repeating: #"{"speaker":"patient","text":"咳嗽"}"#, count: 500).joined(separator: ",") + "]}"
            var count = before
            while count + 500 <= 2_000 {
                let response = try await api.send(.post, "/v1/encounters/\(id)/transcript", json: batch, token: doctor)
                count = try response.json()["turnCount"] as? Int ?? -1
            }
            let remaining = 2_000 - count
            let over = "{\"turns\":[" + Array(repeating: #"{"speaker":"patient","text":"咳嗽"}"#, count: remaining + 1).joined(separator: ",") + "]}"
            let refused = try await api.send(.post, "/v1/encounters/\(id)/transcript", json: over, token: doctor)
            #expect(refused.status == .contentTooLarge && refused.problemCode == "transcript_too_long")
            #expect(try await api.send(.get, "/v1/encounters/\(id)", token: doctor).json()["turnCount"] as? Int == count)

            // Drafts: unknown template or engine, a model that is not configured.
            for body in [#"{"template":"fr-note"}"#, #"{"engine":"gpt"}"#, #"{"engine":"model"}"#] {
                let response = try await api.send(.post, "/v1/encounters/\(id)/drafts", json: body, token: doctor)
                #expect(response.status == .badRequest || response.status == .unprocessableContent, "\(body): \(response.text)")
                #expect(response.isProblem)
            }
            let drafted = try await api.send(.post, "/v1/encounters/\(id)/drafts", token: doctor)
            let draftId = try drafted.json()["id"] as! String
            let unknownSection = try await api.send(
                .patch, "/v1/drafts/\(draftId)", json: #"{"sections":[{"key":"horoscope","text":"x"}]}"#, token: doctor)
            #expect(unknownSection.status == .unprocessableContent)
            let noSections = try await api.send(.patch, "/v1/drafts/\(draftId)", json: #"{"sections":[]}"#, token: doctor)
            #expect(noSections.status == .unprocessableContent)
            #expect(try await api.send(.get, "/v1/drafts/\(draftId)", token: doctor).json()["revision"] as? Int == 1)
            let noReason = try await api.send(.post, "/v1/drafts/\(draftId)/sign", token: doctor)
            #expect(noReason.status == .ok)
            let blankReason = try await api.send(
                .post, "/v1/records/\(draftId)/amendments", json: #"{"sections":[{"key":"plan","text":"x"}],"reason":"  "}"#, token: doctor)
            #expect(blankReason.status == .unprocessableContent)
            #expect(try await api.send(.get, "/v1/records/\(draftId)", token: doctor).json()["supersededBy"] == nil)
            let admin = try await api.staffLogin(role: .admin, username: "admin.signs")
            let adminSigns = try await api.send(
                .post, "/v1/records/\(draftId)/amendments", json: #"{"sections":[{"key":"plan","text":"x"}],"reason":"r"}"#, token: admin.accessToken)
            #expect(adminSigns.status == .forbidden)
        }
        // Consultation words never reach the logs.
        #expect(!logs.text.contains("咳嗽"))
        #expect(!logs.text.contains("量体温"))
        #expect(!logs.text.contains("发烧"))
    }
}
