import Wording

/// A hospital served by Companion. All of its rule times are in `timeZone`.
public struct Hospital: Sendable, Equatable, Codable {
    public let id: String
    public let name: String
    public let nameEn: String
    public let timeZone: String
    public let address: String
    public let addressEn: String
    public let phone: String
}

/// A place in the hospital a patient has to find: a clinic, the pharmacy, the laboratory…
public struct Location: Sendable, Equatable, Codable {
    /// `department`, `emergency`, `registration`, `payment`, `laboratory`, `radiology`, `ultrasound`, `pharmacy`.
    public let kind: String
    public let id: String
    public let name: String
    public let nameEn: String
    public let building: String
    public let floor: String
    public let zone: String
    public let room: String
}

extension Location {
    /// Where the place is in Chinese (门诊楼2楼A区201), in the catalog's words, leaving out the parts a hospital does not
    /// give. Notices are stored in Chinese as sent.
    public var whereabouts: String {
        [("place.building", building), ("place.floor", floor), ("place.zone", zone), ("place.room", room)]
            .compactMap { id, value in value.isEmpty ? nil : MessageCatalog.shipped.text(id, "zh", ["value": value]) }.joined()
    }
}

/// A clinical department (科室) with the place where its clinic is.
public struct Department: Sendable, Equatable {
    public let id: String
    public let hospitalId: String
    public let name: String
    public let nameEn: String
    public let description: String
    public let descriptionEn: String
    public let location: Location
    /// The clinical knowledge's specialties the department covers (`cardiology`, `otolaryngology` …).
    public let specialties: [String]
}

/// A doctor who holds sessions in one department.
public struct Doctor: Sendable, Equatable, Codable {
    public let id: String
    public let departmentId: String
    public let name: String
    public let nameEn: String
    public let title: String
    public let titleEn: String
    public let specialty: String
    public let specialtyEn: String
}
