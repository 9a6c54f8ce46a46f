import Clinical
import Foundation

/// The demo hospital's department for each specialty, read from its FHIR bundle as the directory would route it.
enum DemoDepartments {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/demo-hospital.fhir.json")

    static let bySpecialty: [String: String] = {
        struct Bundle: Decodable {
            struct Entry: Decodable { let resource: Resource }
            struct Resource: Decodable {
                struct Concept: Decodable { let coding: [Coding]? }
                struct Coding: Decodable { let code: String? }
                let resourceType: String
                let id: String
                let specialty: [Concept]?
            }
            let entry: [Entry]
        }
        let knowledge = ClinicalKnowledge.shipped
        let bundle = try! JSONDecoder().decode(Bundle.self, from: Data(contentsOf: file))
        let departments = bundle.entry.map(\.resource).filter { $0.resourceType == "HealthcareService" }.map { service in
            let codes = (service.specialty ?? []).flatMap { $0.coding ?? [] }.compactMap(\.code)
            return (
                id: service.id,
                specialties: codes.compactMap { code in
                    knowledge.specialties.values.first { $0.snomed == code || $0.id == code }?.id
                }
            )
        }
        return knowledge.departments(covering: departments)
    }()
}
