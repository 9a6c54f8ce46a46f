import Clinical

/// A hospital as read from its bundle and checked, before anything is written: the hospital, its places, and its
/// departments in display order with their doctors, most senior first.
public struct HospitalDefinition: Sendable, Equatable {
    public struct DepartmentEntry: Sendable, Equatable {
        public let id, name, nameEn, description, descriptionEn, locationId: String
        /// The clinical knowledge's specialties the department covers.
        public let specialties: [String]
        public let doctors: [Doctor]
    }

    public let hospital: Hospital
    public let locations: [Location]
    public let departments: [DepartmentEntry]
    /// What was accepted but deserves a look (a specialty code the knowledge does not know …).
    public let warnings: [String]

    /// Every id the definition writes, for the check that no other hospital already uses one.
    var ids: [String] {
        locations.map(\.id) + departments.map(\.id) + departments.flatMap { $0.doctors.map(\.id) }
    }
}

/// A bundle that cannot be imported, with every problem found: nothing of it is written.
public struct HospitalBundleInvalid: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The entry's position in `Bundle.entry` (from 0), nil for the bundle itself.
        public let entry: Int?
        /// `ResourceType/id` when the entry has one.
        public let resource: String?
        public let field: String
        public let message: String

        public var description: String {
            let place = entry.map { "entry[\($0)]" + (resource.map { " (\($0))" } ?? "") } ?? "bundle"
            return "\(place) \(field): \(message)"
        }
    }

    public let problems: [Problem]

    public var description: String {
        "the hospital bundle was refused, nothing was imported:\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}

extension HospitalDefinition {
    /// The hospital's department for each specialty, the knowledge's fallbacks included.
    public func departmentsBySpecialty(knowledge: ClinicalKnowledge = .shipped) -> [String: String] {
        knowledge.departments(covering: departments.map { ($0.id, $0.specialties) })
    }
}
