import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

/// Consent as a ledger: separate consent gates the conversation and the consultation, a child under 14 needs the
/// guardian's own, withdrawal stops the next step, and every decision is kept with its text version.
struct ConsentTests {
    @Test(
        "no conversation without consent; a decision on the shown text opens it; withdrawal stops the next message",
        arguments: TestEngine.available)
    func conversationGate(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let token = try await api.login(consenting: false).accessToken
            let refused = try await api.send(.post, "/v1/conversations", json: "{}", token: token)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "consent_required")
            #expect(refused.text.contains("health_conversation"))

            let listed = try await api.send(.get, "/v1/consents", token: token).json()
            let texts = try #require(listed["texts"] as? [[String: Any]])
            #expect(Set(texts.compactMap { $0["purpose"] as? String }) == ["health_conversation", "consultation_recording", "record_drafting"])
            #expect(texts.allSatisfy { !($0["text"] as? String ?? "").isEmpty && !($0["version"] as? String ?? "").isEmpty })
            let stale = try await api.send(
                .put, "/v1/consents/health_conversation", json: #"{"granted":true,"textVersion":"2020-01-01"}"#,
                token: token)
            #expect(stale.status == .unprocessableContent)
            #expect(try await api.send(.put, "/v1/consents/marketing", json: #"{"granted":true,"textVersion":"x"}"#, token: token).isProblem)

            try await api.consent(token, ["health_conversation"])
            let started = try await api.send(.post, "/v1/conversations", json: "{}", token: token)
            #expect(started.status == .created)
            let id = try started.json()["id"] as! String
            #expect(try await api.send(.post, "/v1/conversations/\(id)/messages", json: #"{"text":"头疼两天了"}"#, token: token).status == .ok)

            let version = texts.first { $0["purpose"] as? String == "health_conversation" }?["version"] as! String
            let withdrawn = try await api.send(
                .put, "/v1/consents/health_conversation",
                json: #"{"granted":false,"textVersion":"\#(version)"}"#, token: token)
            #expect(withdrawn.status == .ok)
            #expect((try withdrawn.json()["onWithdrawal"] as? String)?.isEmpty == false)
            let after = try await api.send(.post, "/v1/conversations/\(id)/messages", json: #"{"text":"还有点恶心"}"#, token: token)
            #expect(after.problemCode == "consent_required")
            // What exists stays readable (and deletable) after withdrawal.
            #expect(try await api.send(.get, "/v1/conversations/\(id)", token: token).status == .ok)

            let ledger = try await api.send(.get, "/v1/consents", token: token).json()
            let history = try #require(ledger["history"] as? [[String: Any]])
            #expect(history.map { $0["granted"] as? Bool } == [true, false])
            #expect(history.allSatisfy { $0["grantor"] as? String == "patient" && $0["textVersion"] as? String == version })
            let inForce = try #require(ledger["inForce"] as? [[String: Any]])
            #expect(inForce.count == 1 && inForce[0]["granted"] as? Bool == false)
        }
    }

    @Test("a child under 14 needs the guardian's own consent; an adult profile is covered by the account's", arguments: TestEngine.available)
    func guardianRule(engine: TestEngine) async throws {
        try await withAPI(engine, clock: RecordScene.clock()) { api in
            let token = try await api.login().accessToken
            // The clock is 2026-12-05 in Shanghai: born 2012-12-05 is 14 today, born a day later is 13.
            let child = try await api.createPatient(token, name: "小明", birthDate: "2012-12-06", consenting: false)
            let fourteen = try await api.createPatient(token, name: "小红", birthDate: "2012-12-05", consenting: false)
            let refused = try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(child)"}"#, token: token)
            #expect(refused.problemCode == "consent_required")
            #expect(refused.text.contains(child))
            #expect(try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(fourteen)"}"#, token: token).status == .created)

            try await api.consent(token, ["health_conversation"], patientId: child)
            #expect(try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(child)"}"#, token: token).status == .created)
            try await api.consent(token, ["health_conversation"], patientId: fourteen)
            let history = try await api.send(.get, "/v1/consents", token: token).json()["history"] as? [[String: Any]] ?? []
            #expect(history.first { $0["patientId"] as? String == child }?["grantor"] as? String == "guardian")
            #expect(history.first { $0["patientId"] as? String == fourteen }?["grantor"] as? String == "representative")
            // Another account's profile is not found, not consented for.
            let other = try await api.login("13900139000").accessToken
            let foreign = try await api.send(
                .put, "/v1/consents/health_conversation",
                json: #"{"granted":true,"textVersion":"\#(Self.version(history))","patientId":"\#(child)"}"#,
                token: other)
            #expect(foreign.status == .notFound)
        }
    }

    @Test(
        "the transcript needs consultation_recording and the draft record_drafting, the child's guardian's included",
        arguments: TestEngine.available)
    func encounterGate(engine: TestEngine) async throws {
        try await withAPI(engine, clock: RecordScene.clock()) { api in
            let scene = try await RecordScene.make(api)
            let patient = scene.patient.accessToken
            let encounterId = try await scene.consultation()
            let childId =
                try await api.send(.get, "/v1/patients", token: patient).json()["items"].flatMap { $0 as? [[String: Any]] }?
                .first?["id"] as! String
            try await api.consent(patient, ["consultation_recording"], patientId: childId, granted: false)
            let recording = try await api.send(
                .post, "/v1/encounters/\(encounterId)/transcript",
                json: #"{"turns":[{"speaker":"doctor","text":"再听一下肺。"}]}"#,
                token: scene.doctor.accessToken)
            #expect(recording.problemCode == "consent_required")
            #expect(recording.text.contains("consultation_recording"))
            // Another doctor learns nothing, consent or not.
            let stranger = try await api.send(
                .post, "/v1/encounters/\(encounterId)/transcript",
                json: #"{"turns":[{"speaker":"doctor","text":"x"}]}"#, token: scene.otherDoctor.accessToken)
            #expect(stranger.status == .notFound)

            try await api.consent(patient, ["record_drafting"], granted: false)
            let drafting = try await api.send(.post, "/v1/encounters/\(encounterId)/drafts", json: "{}", token: scene.doctor.accessToken)
            #expect(drafting.problemCode == "consent_required")
            #expect(drafting.text.contains("record_drafting"))
            try await api.consent(patient, ["record_drafting"])
            let drafted = try await api.send(.post, "/v1/encounters/\(encounterId)/drafts", json: "{}", token: scene.doctor.accessToken)
            #expect(drafted.status == .created)
        }
    }

    static func version(_ history: [[String: Any]]) -> String { history.first?["textVersion"] as? String ?? "" }
}
