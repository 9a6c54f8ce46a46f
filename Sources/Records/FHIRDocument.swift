import Crypto
import Foundation
import ModelRuntime
import Storage

/// A record as a FHIR R4 document Bundle: a Composition (LOINC 34108-1 Outpatient Note, one LOINC-coded section
/// per record section) followed by the Patient, Practitioner and Encounter it refers to.
public enum FHIRDocument {
    /// LOINC codes of the record sections.
    static let sectionCodes: [String: (code: String, display: String)] = [
        "chiefComplaint": ("10154-3", "Chief complaint Narrative - Reported"),
        "presentIllness": ("10164-2", "History of Present illness Narrative"),
        "subjective": ("61150-9", "Subjective Narrative"),
        "pastHistory": ("11348-0", "History of Past illness Narrative"),
        "allergies": ("48765-2", "Allergies and adverse reactions Document"),
        "personalHistory": ("29762-2", "Social history Narrative"),
        "familyHistory": ("10157-6", "History of family member diseases Narrative"),
        "physicalExam": ("29545-1", "Physical findings Narrative"),
        "objective": ("61149-1", "Objective Narrative"),
        "auxiliaryExams": ("30954-2", "Relevant diagnostic tests/laboratory data Narrative"),
        "diagnosis": ("29548-5", "Diagnosis Narrative"),
        "assessment": ("51848-0", "Evaluation note"),
        "plan": ("18776-5", "Plan of care note"),
    ]

    /// The Bundle as JSON (`application/fhir+json`).
    public static func bundle(_ record: ClinicalRecord, encounter: Encounter) throws -> Data {
        let compositionURL = urn(record.id), patientURL = urn(encounter.patientId), practitionerURL = urn(encounter.doctorId)
        let encounterURL = urn(encounter.id)
        var composition: [String: Any] = [
            "resourceType": "Composition",
            "id": record.id,
            "status": record.status == .signed ? (record.amends == nil ? "final" : "amended") : "preliminary",
            "type": ["coding": [["system": "http://loinc.org", "code": "34108-1", "display": "Outpatient Note"]]],
            "subject": ["reference": patientURL],
            "encounter": ["reference": encounterURL],
            "date": timestamp(record.signedAt ?? record.updatedAt),
            "author": [["reference": practitionerURL]],
            "title": record.template == .zhOutpatient ? "门诊病历" : "Outpatient note",
            "language": record.template == .zhOutpatient ? "zh-CN" : "en",
            "section": record.sections.map { section -> [String: Any] in
                let code = sectionCodes[section.key] ?? ("51855-5", "Patient note")
                return [
                    "title": section.title,
                    "code": ["coding": [["system": "http://loinc.org", "code": code.code, "display": code.display]]],
                    "text": ["status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\(escaped(section.text))</p></div>"],
                ]
            },
        ]
        if let signedAt = record.signedAt {
            composition["attester"] = [["mode": "legal", "time": timestamp(signedAt), "party": ["reference": practitionerURL]]]
        }
        if let amends = record.amends {
            composition["relatesTo"] = [["code": "replaces", "targetReference": ["reference": "Composition/\(amends)"]]]
        }
        var patient: [String: Any] = [
            "resourceType": "Patient", "id": encounter.patientId,
            "name": [["text": encounter.patientName]],
        ]
        if let gender = encounter.patientGender { patient["gender"] = gender == "male" || gender == "female" ? gender : "unknown" }
        if let birthDate = encounter.patientBirthDate { patient["birthDate"] = birthDate }
        let practitioner: [String: Any] = ["resourceType": "Practitioner", "id": encounter.doctorId, "name": [["text": encounter.doctorName]]]
        let encounterResource: [String: Any] = [
            "resourceType": "Encounter", "id": encounter.id, "status": "finished",
            "class": ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB", "display": "ambulatory"],
            "subject": ["reference": patientURL],
            "participant": [["individual": ["reference": practitionerURL]]],
            "period": ["start": timestamp(encounter.startsAt)],
            "serviceType": ["text": encounter.departmentName],
        ]
        let bundle: [String: Any] = [
            "resourceType": "Bundle",
            "id": "bundle-" + record.id,
            "identifier": ["system": "urn:ietf:rfc:3986", "value": urn(record.id + "-" + String(record.revision))],
            "type": "document",
            "timestamp": timestamp(record.signedAt ?? record.updatedAt),
            "entry": [
                ["fullUrl": compositionURL, "resource": composition],
                ["fullUrl": patientURL, "resource": patient],
                ["fullUrl": practitionerURL, "resource": practitioner],
                ["fullUrl": encounterURL, "resource": encounterResource],
            ],
        ]
        return try JSONSerialization.data(withJSONObject: bundle, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// A stable `urn:uuid:` for an id of ours (a name-based UUID from its SHA-256).
    static func urn(_ id: String) -> String {
        var bytes = Array(sha256(id).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.hexDigits
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    private static func sha256(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(text.utf8)))
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: date)
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
