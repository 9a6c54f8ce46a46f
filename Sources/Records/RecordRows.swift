import Foundation
import ModelRuntime
import SQLKit
import Storage

/// Rows of the records tables as values.
enum RecordRows {
    static func encounter(_ row: any SQLRow) throws -> Encounter {
        Encounter(
            id: try row.decode(column: "id", as: String.self),
            appointmentId: try row.decode(column: "appointment_id", as: String.self),
            accountId: try row.decode(column: "account_id", as: String.self),
            patientId: try row.decode(column: "patient_id", as: String.self),
            patientName: try row.decode(column: "patient_name", as: String.self),
            patientGender: try row.decode(column: "patient_gender", as: String?.self),
            patientBirthDate: try row.decode(column: "patient_birth_date", as: String?.self),
            doctorId: try row.decode(column: "doctor_id", as: String.self),
            doctorName: try row.decode(column: "doctor_name", as: String.self),
            departmentName: try row.decode(column: "department_name", as: String.self),
            startsAt: Clock.date(millis: try row.decode(column: "starts_at", as: Int64.self)),
            turnCount: try row.decode(column: "turn_count", as: Int.self),
            createdAt: Clock.date(millis: try row.decode(column: "created_at", as: Int64.self)))
    }

    static func turn(_ row: any SQLRow) throws -> TranscriptTurn {
        let speaker = try row.decode(column: "speaker", as: String.self)
        return TranscriptTurn(
            speaker: Speaker(rawValue: speaker) ?? .other, text: try Sealed.open(try row.decode(column: "text", as: String.self), .transcript),
            startMs: try row.decode(column: "start_ms", as: Int?.self), endMs: try row.decode(column: "end_ms", as: Int?.self))
    }

    static func record(_ row: any SQLRow) throws -> ClinicalRecord {
        let decoder = JSONDecoder()
        return ClinicalRecord(
            id: try row.decode(column: "id", as: String.self),
            encounterId: try row.decode(column: "encounter_id", as: String.self),
            template: DraftTemplate(rawValue: try row.decode(column: "template", as: String.self)) ?? .zhOutpatient,
            status: ClinicalRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            revision: try row.decode(column: "revision", as: Int.self),
            version: try row.decode(column: "version", as: Int.self),
            engine: try decoder.decode(EngineInfo.self, from: Data(try row.decode(column: "engine", as: String.self).utf8)),
            sections: try sections(try row.decode(column: "sections", as: String.self)),
            transcriptTurns: try row.decode(column: "transcript_turns", as: Int.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: Clock.date(millis: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Clock.date(millis: try row.decode(column: "updated_at", as: Int64.self)),
            signedBy: try row.decode(column: "signed_by", as: String?.self),
            signedAt: try row.decode(column: "signed_at", as: Int64?.self).map(Clock.date(millis:)),
            contentSHA256: try row.decode(column: "content_sha256", as: String?.self),
            amends: try row.decode(column: "amends", as: String?.self),
            amendmentReason: try Sealed.open(try row.decode(column: "amendment_reason", as: String?.self), .record),
            supersededBy: try row.decode(column: "superseded_by", as: String?.self))
    }

    /// Sections as stored (sealed JSON) back to values.
    static func sections(_ stored: String) throws -> [DraftSection] {
        try JSONDecoder().decode([DraftSection].self, from: Data(try Sealed.open(stored, .record).utf8))
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
