import Foundation
import Clinical
import Dialogue
import Wording
import Scheduling

/// The conversation's view of the hospital, answered by the directory's snapshot.
struct DirectoryGuide: HospitalGuide {
    let registration: Registration
    var directory: Directory { registration.directory }
    let settings: HospitalConversationSettings

    func department(id: String, language: Dialogue.Language) async throws -> (name: String, place: Dialogue.Place)? {
        guard let department = try? await directory.department(id: id) else { return nil }
        return (language.pick(department.name, department.nameEn), Self.place(department.location, language: language))
    }

    func place(kind: String, hospitalId: String?, language: Dialogue.Language) async throws -> Dialogue.Place? {
        var hospitals = try await directory.hospitals().map(\.id)
        if let hospitalId { hospitals = [hospitalId] }
        for hospital in hospitals {
            if let location = try await directory.locations(hospitalId: hospital).first(where: { $0.kind == kind }) {
                return Self.place(location, language: language)
            }
        }
        return nil
    }

    func departmentsBySpecialty(hospitalId: String?) async throws -> [String: String] {
        ClinicalKnowledge.shipped.departments(covering: try await directory.departments(hospitalId: hospitalId).map { ($0.id, $0.specialties) })
    }

    /// The hospital's wording over the shipped catalog (checked when its settings were imported).
    func wording(hospitalId: String?) async throws -> MessageCatalog { try await settings.hospital(hospitalId).catalog }

    /// The hospital's time zone (China Standard Time when none is named).
    func timeZone(hospitalId: String?) async throws -> TimeZone {
        guard let hospitalId else { return registration.serverCalendar.timeZone }
        return try await registration.calendar(forHospital: hospitalId).timeZone
    }

    /// The hospital's name and its departments as the directory has them; nil when the hospital is not named or not known.
    func context(hospitalId: String?) async throws -> HospitalContext? {
        guard let hospitalId, let hospital = try? await directory.hospital(id: hospitalId) else { return nil }
        let departments = try await directory.departments(hospitalId: hospitalId)
        return HospitalContext(
            name: .init(zh: hospital.name, en: hospital.nameEn),
            departments: departments.map { .init(zh: $0.name, en: $0.nameEn) })
    }

    /// The general answers and the hospital's own.
    func knowledge(hospitalId: String?) async throws -> KnowledgeBase { try await settings.hospital(hospitalId).knowledge }

    static func place(_ location: Location, language: Dialogue.Language) -> Dialogue.Place {
        Dialogue.Place(
            name: language.pick(location.name, location.nameEn), building: location.building, floor: location.floor,
            zone: location.zone, room: location.room)
    }
}
