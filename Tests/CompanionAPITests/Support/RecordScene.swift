import Accounts
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage

/// A booked pediatrics appointment with a patient who told the companion about the complaint first, the session's
/// doctor, a doctor of another session, and a second patient account.
struct RecordScene {
    let api: API
    let patient: Session
    let otherPatient: Session
    let doctor: Session
    let otherDoctor: Session
    let appointmentId: String

    static func clock() -> ManualClock { ManualClock(ISO8601DateFormatter().date(from: "2026-12-05T01:00:00Z")!) }

    static func make(_ api: API) async throws -> RecordScene {
        let admin = try await api.staffLogin(role: .admin, username: "admin.records")
        let created = try await api.send(
            .post, "/v1/admin/sessions",
            json: """
                {"doctorId":"doc_pediatrics_1","date":"2026-12-10","period":"morning","start":"08:00","end":"10:00","slotMinutes":30,"capacityPerSlot":2,"fee":25}
                """, token: admin.accessToken)
        guard created.status == .created else { throw HarnessError("session: \(created.text)") }
        let slotId = ((try created.json()["slots"] as! [[String: Any]])[0])["id"] as! String

        let patient = try await api.login("13800138000")
        let profile = try await api.send(
            .post, "/v1/patients",
            json: """
                {"name":"王小宝","gender":"male","birthDate":"2021-03-01","allergies":["青霉素"]}
                """, token: patient.accessToken)
        let patientId = try profile.json()["id"] as! String
        try await api.consent(patient.accessToken, patientId: patientId)
        let conversation = try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(patientId)"}"#, token: patient.accessToken)
        let conversationId = try conversation.json()["id"] as! String
        _ = try await api.send(.post, "/v1/conversations/\(conversationId)/messages", json: #"{"text":"孩子发烧三天了，还咳嗽"}"#, token: patient.accessToken)
        let booked = try await api.send(
            .post, "/v1/appointments", json: #"{"slotId":"\#(slotId)","patientId":"\#(patientId)"}"#, token: patient.accessToken)
        guard booked.status == .created else { throw HarnessError("book: \(booked.text)") }

        let staff = StaffDirectory(database: api.database, clock: TestClock.wall())
        _ = try await staff.add(
            username: "dr.ped", password: "a long enough password", role: .doctor, displayName: "儿科医生", doctorId: "doc_pediatrics_1")
        _ = try await staff.add(
            username: "dr.other", password: "a long enough password", role: .doctor, displayName: "儿科医生二", doctorId: "doc_pediatrics_2")
        func staffToken(_ username: String) async throws -> Session {
            try await api.send(.post, "/v1/auth/staff-token", json: #"{"username":"\#(username)","password":"a long enough password"}"#).decode(
                Session.self)
        }
        return RecordScene(
            api: api, patient: patient, otherPatient: try await api.login("13900139000"), doctor: try await staffToken("dr.ped"),
            otherDoctor: try await staffToken("dr.other"), appointmentId: try booked.json()["id"] as! String)
    }

    /// The doctor opens the encounter and posts a short consultation; returns the encounter id.
    func consultation() async throws -> String {
        let opened = try await api.send(.post, "/v1/encounters", json: #"{"appointmentId":"\#(appointmentId)"}"#, token: doctor.accessToken)
        guard opened.status == .created || opened.status == .ok else { throw HarnessError("open: \(opened.text)") }
        let id = try opened.json()["id"] as! String
        let appended = try await api.send(.post, "/v1/encounters/\(id)/transcript", json: Self.transcript, token: doctor.accessToken)
        guard appended.status == .ok else { throw HarnessError("transcript: \(appended.text)") }
        return id
    }

    static let transcript = """
        {"turns":[
          {"speaker":"doctor","text":"宝宝哪里不舒服？","startMs":0,"endMs":1500},
          {"speaker":"patient","text":"发烧三天了，最高39度5，咳嗽有痰。"},
          {"speaker":"doctor","text":"有没有拉肚子？"},
          {"speaker":"patient","text":"没有。"},
          {"speaker":"doctor","text":"否认抽搐吧？"},
          {"speaker":"patient","text":"没有抽过。"},
          {"speaker":"doctor","text":"考虑是支气管炎，建议查血常规，口服阿莫西林，多喝水，三天后复诊。"}
        ]}
        """
}
