import Accounts
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Storage
import Testing

/// The doctor's record workflow through the API: encounter, transcript, draft with evidence, edits with diffs,
/// signature, amendment, the patient's reading, FHIR, and the audit log.
struct RecordRouteTests {
    @Test("draft → edit → sign → amend, read by the patient, exported as FHIR, every access audited", arguments: TestEngine.available)
    func doctorWorkflow(engine: TestEngine) async throws {
        try await withAPI(engine, clock: RecordScene.clock()) { api in
            let scene = try await RecordScene.make(api)
            let doctor = scene.doctor.accessToken

            // Only the session's doctor opens the encounter; opening again returns the same one.
            let strangers = [scene.otherDoctor.accessToken, scene.patient.accessToken]
            for token in strangers {
                let refused = try await api.send(.post, "/v1/encounters", json: #"{"appointmentId":"\#(scene.appointmentId)"}"#, token: token)
                #expect(refused.status == .notFound)
            }
            let encounterId = try await scene.consultation()
            let again = try await api.send(.post, "/v1/encounters", json: #"{"appointmentId":"\#(scene.appointmentId)"}"#, token: doctor)
            #expect(again.status == .ok)
            #expect(try again.json()["id"] as? String == encounterId)

            // What the patient told the companion before the visit is turn 0, with the profile's allergy.
            let encounter = try await api.send(.get, "/v1/encounters/\(encounterId)", token: doctor).json()
            let transcript = encounter["transcript"] as! [[String: Any]]
            #expect(transcript.count == 8)
            #expect(transcript[0]["speaker"] as? String == "previsit")
            #expect((transcript[0]["text"] as? String)?.contains("孩子发烧三天了") == true)
            #expect((transcript[0]["text"] as? String)?.contains("青霉素") == true)
            #expect(try await api.send(.get, "/v1/encounters/\(encounterId)", token: scene.otherDoctor.accessToken).status == .notFound)

            let drafted = try await api.send(.post, "/v1/encounters/\(encounterId)/drafts", json: #"{"template":"zh-outpatient"}"#, token: doctor)
            #expect(drafted.status == .created)
            let draft = try drafted.json()
            let draftId = draft["id"] as! String
            #expect(draft["status"] as? String == "draft")
            #expect((draft["engine"] as? [String: Any])?["name"] as? String == "builtin")
            let sections = Self.sections(draft)
            #expect(sections["chiefComplaint"]?.text == "发热3天。")
            #expect(sections["presentIllness"]?.text.contains("无腹泻") == true)
            #expect(sections["presentIllness"]?.text.contains("无抽搐") == true)
            #expect(sections["diagnosis"]?.text == "小儿支气管炎？")
            #expect(sections["allergies"]?.statements.first?.flags.contains("patientReported") == true)
            // Every span of every statement lies in the transcript.
            for statement in sections.values.flatMap(\.statements) {
                #expect(!statement.evidence.isEmpty, "\(statement.text)")
                for span in statement.evidence {
                    let text = transcript[span.turn]["text"] as! String
                    #expect(span.start >= 0 && span.start < span.end && span.end <= text.utf16.count, "\(statement.text)")
                }
            }

            // The patient sees nothing until it is signed; another doctor never.
            #expect(try await api.send(.get, "/v1/records/\(draftId)", token: scene.patient.accessToken).status == .notFound)
            #expect(try await api.send(.get, "/v1/drafts/\(draftId)", token: scene.otherDoctor.accessToken).status == .notFound)

            let edited = try await api.send(
                .patch, "/v1/drafts/\(draftId)",
                json: """
                    {"sections":[{"key":"diagnosis","text":"急性支气管炎。"}],"baseRevision":1}
                    """, token: doctor)
            #expect(edited.status == .ok)
            #expect(try edited.json()["revision"] as? Int == 2)
            let stale = try await api.send(
                .patch, "/v1/drafts/\(draftId)", json: #"{"sections":[{"key":"plan","text":"x"}],"baseRevision":1}"#, token: doctor)
            #expect(stale.problemCode == "stale_revision")
            let revisions = try await api.send(.get, "/v1/drafts/\(draftId)/revisions", token: doctor).json()["items"] as! [[String: Any]]
            #expect(revisions.count == 2)
            let change = (revisions[1]["changes"] as! [[String: Any]])[0]
            #expect(change["key"] as? String == "diagnosis" && change["before"] as? String == "小儿支气管炎？" && change["after"] as? String == "急性支气管炎。")

            // What the transcript says and the draft no longer does is listed beside it, recomputed after each edit.
            #expect((draft["omissions"] as? [[String: Any]])?.contains { $0["text"] as? String == "无腹泻" } == false)
            let shortened = try await api.send(
                .patch, "/v1/drafts/\(draftId)", json: #"{"sections":[{"key":"presentIllness","text":"发热3天。"}],"baseRevision":2}"#, token: doctor)
            let omissions = try shortened.json()["omissions"] as? [[String: Any]] ?? []
            let diarrhoea = try #require(omissions.first { $0["text"] as? String == "无腹泻" })
            #expect(diarrhoea["kind"] as? String == "finding" && (diarrhoea["evidence"] as? [[String: Any]])?.isEmpty == false)
            let reread = try await api.send(.get, "/v1/drafts/\(draftId)", token: doctor).json()["omissions"] as? [[String: Any]] ?? []
            #expect(reread.count == omissions.count)

            let signed = try await api.send(.post, "/v1/drafts/\(draftId)/sign", token: doctor)
            #expect(signed.status == .ok)
            let hash = try signed.json()["contentSha256"] as? String ?? ""
            #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit))
            #expect(try signed.json()["status"] as? String == "signed")
            #expect(try await api.send(.post, "/v1/drafts/\(draftId)/sign", token: doctor).problemCode == "record_signed")
            let late = try await api.send(.patch, "/v1/drafts/\(draftId)", json: #"{"sections":[{"key":"plan","text":"改了"}]}"#, token: doctor)
            #expect(late.status == .conflict && late.problemCode == "record_signed")

            // The patient reads their own signed record; another account does not.
            let read = try await api.send(.get, "/v1/records/\(draftId)", token: scene.patient.accessToken)
            #expect(read.status == .ok)
            #expect(try read.json()["contentVerified"] as? Bool == true)
            #expect(Self.sections(try read.json())["diagnosis"]?.text == "急性支气管炎。")
            let listed = try await api.send(.get, "/v1/records", token: scene.patient.accessToken).json()["items"] as! [[String: Any]]
            #expect(listed.map { $0["id"] as? String } == [draftId])
            #expect(try await api.send(.get, "/v1/records/\(draftId)", token: scene.otherPatient.accessToken).status == .notFound)
            #expect(try await api.send(.get, "/v1/drafts/\(draftId)", token: scene.patient.accessToken).status == .forbidden)

            // An amendment is a new signed version linked to the old, which stays as it was.
            let amended = try await api.send(
                .post, "/v1/records/\(draftId)/amendments",
                json: """
                    {"sections":[{"key":"plan","text":"查血常规，口服阿莫西林，三天后复诊。"}],"reason":"补充复诊时间"}
                    """, token: doctor)
            #expect(amended.status == .created)
            let amendment = try amended.json()
            #expect(amendment["amends"] as? String == draftId && amendment["version"] as? Int == 2 && amendment["status"] as? String == "signed")
            #expect(amendment["contentSha256"] as? String != hash)
            let old = try await api.send(.get, "/v1/records/\(draftId)", token: doctor).json()
            #expect(old["supersededBy"] as? String == amendment["id"] as? String)
            #expect(old["contentSha256"] as? String == hash)
            let twice = try await api.send(
                .post, "/v1/records/\(draftId)/amendments", json: #"{"sections":[{"key":"plan","text":"y"}],"reason":"再改"}"#, token: doctor)
            #expect(twice.problemCode == "record_superseded")
            let byOther = try await api.send(
                .post, "/v1/records/\(amendment["id"] as? String ?? "")/amendments", json: #"{"sections":[{"key":"plan","text":"y"}],"reason":"r"}"#,
                token: scene.otherDoctor.accessToken)
            #expect(byOther.status == .notFound)

            let secondDraft = try await api.send(.post, "/v1/encounters/\(encounterId)/drafts", token: doctor)
            #expect(secondDraft.status == .created, "\(secondDraft.text)")
            let second = try secondDraft.json()["id"] as? String ?? ""
            let amendDraft = try await api.send(
                .post, "/v1/records/\(second)/amendments", json: #"{"sections":[{"key":"plan","text":"y"}],"reason":"r"}"#, token: doctor)
            #expect(amendDraft.status == .conflict && amendDraft.problemCode == "record_not_signed")

            // FHIR: a document Bundle whose references resolve and whose sections carry LOINC codes.
            let fhir = try await api.send(.get, "/v1/records/\(draftId)/fhir", token: scene.patient.accessToken)
            #expect(fhir.status == .ok)
            #expect(fhir.headers[.contentType]?.hasPrefix("application/fhir+json") == true)
            let fhirProblems = FHIRCheck.problems(in: try fhir.json(), sectionCount: 10)
            #expect(fhirProblems.isEmpty, "\(fhirProblems)")

            // Every read and write is in the audit log, with who did it; only admins read the log.
            let admin = try await api.staffLogin(role: .admin, username: "admin.audit")
            let audit = try await api.send(.get, "/v1/records/\(draftId)/audit", token: admin.accessToken).json()["items"] as! [[String: Any]]
            let actions = audit.map { "\($0["action"] as! String) \(($0["actor"] as! String).split(separator: ":")[0])" }
            for expected in [
                "draft doctor", "edit doctor", "sign doctor", "read patient", "read_fhir patient", "amended doctor", "read_revisions doctor",
            ] {
                #expect(actions.contains(expected), "\(expected) in \(actions)")
            }
            #expect(try await api.send(.get, "/v1/records/\(draftId)/audit", token: doctor).status == .forbidden)

            // A signed record changed behind Companion's back (by someone holding the keys) no longer matches its hash,
            // and reading it says so.
            let sealed = try await api.database.sql.raw("SELECT sections FROM records WHERE id = \(bind: draftId)").first()!
                .decode(column: "sections", as: String.self)
            let changedText = try Sealed.open(sealed, .record).replacingOccurrences(of: "急性支气管炎", with: "肺炎")
            let altered = try api.database.seal(changedText, .record)
            try await api.database.write("UPDATE records SET sections = \(bind: altered) WHERE id = \(bind: draftId)")
            let tampered = try await api.send(.get, "/v1/records/\(draftId)", token: doctor).json()
            #expect(tampered["contentVerified"] as? Bool == false)
            #expect(
                try await api.send(.get, "/v1/records/\(amendment["id"] as? String ?? "")", token: doctor).json()["contentVerified"] as? Bool == true)
        }
    }

    struct Span { let turn: Int; let start: Int; let end: Int }
    struct Statement { let text: String; let evidence: [Span]; let flags: [String] }
    struct Section { let text: String; let statements: [Statement] }

    static func sections(_ record: [String: Any]) -> [String: Section] {
        var result: [String: Section] = [:]
        for section in record["sections"] as? [[String: Any]] ?? [] {
            let statements = (section["statements"] as? [[String: Any]] ?? []).map { statement in
                Statement(
                    text: statement["text"] as? String ?? "",
                    evidence: (statement["evidence"] as? [[String: Any]] ?? []).map {
                        Span(turn: $0["turn"] as! Int, start: $0["start"] as! Int, end: $0["end"] as! Int)
                    },
                    flags: statement["flags"] as? [String] ?? [])
            }
            result[section["key"] as! String] = Section(text: section["text"] as? String ?? "", statements: statements)
        }
        return result
    }
}
