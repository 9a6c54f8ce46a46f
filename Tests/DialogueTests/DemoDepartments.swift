import Foundation

/// The demo hospital's department for each specialty, read from its file as the directory would store it.
enum DemoDepartments {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/demo-hospital.json")

    static let bySpecialty: [String: String] = {
        struct Hospital: Decodable {
            struct Department: Decodable { let id: String; let specialties: [String] }
            let departments: [Department]
        }
        let hospital = try! JSONDecoder().decode(Hospital.self, from: Data(contentsOf: file))
        var map: [String: String] = [:]
        for department in hospital.departments { for specialty in department.specialties { map[specialty] = department.id } }
        return map
    }()
}
