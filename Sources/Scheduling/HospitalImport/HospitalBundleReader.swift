import Clinical
import Foundation

/// Reads a FHIR R4 Bundle (`collection` or `transaction`) into a `HospitalDefinition`, collecting every problem
/// with the entry and field it is in. See `docs/hospitals.md` for the resources and fields read.
public struct HospitalBundleReader {
    /// The kinds of place a Location may be (`urn:companion:fhir:place-kind`).
    public static let placeKinds: Set<String> = [
        "department", "emergency", "registration", "payment", "laboratory", "radiology", "ultrasound", "pharmacy",
    ]
    static let defaultTimeZone = "Asia/Shanghai"

    let knowledge: ClinicalKnowledge
    private var problems: [HospitalBundleInvalid.Problem] = []
    private var warnings: [String] = []
    private var entries: [(index: Int, resource: FHIR.Resource)] = []
    private var byReference: [String: Int] = [:]
    /// The resource of each entry by its position, so a reference resolves in constant time (bundles have thousands).
    private var atPosition: [Int: FHIR.Resource] = [:]

    public init(knowledge: ClinicalKnowledge = .shipped) { self.knowledge = knowledge }

    /// The hospital the bundle describes, or `HospitalBundleInvalid` naming every problem.
    public static func read(_ data: Data, knowledge: ClinicalKnowledge = .shipped) throws -> HospitalDefinition {
        var reader = HospitalBundleReader(knowledge: knowledge)
        return try reader.read(data)
    }

    mutating func read(_ data: Data) throws -> HospitalDefinition {
        let bundle: FHIR.Bundle
        do {
            bundle = try JSONDecoder().decode(FHIR.Bundle.self, from: data)
        } catch let error as DecodingError {
            throw HospitalBundleInvalid(problems: [Self.problem(decoding: error)])
        }
        guard bundle.resourceType == "Bundle" else { throw invalid(nil, "resourceType", "must be Bundle") }
        guard ["collection", "transaction"].contains(bundle.type ?? "") else {
            throw invalid(nil, "type", "must be collection or transaction")
        }
        index(bundle.entry ?? [])
        guard let organization = hospitalOrganization() else {
            throw invalid(
                nil, "entry",
                "needs one Organization that is the hospital (the one its HealthcareServices are providedBy, or the only one "
                    + "without partOf); found \(entries.filter { $0.resource.resourceType == "Organization" }.count) Organizations")
        }
        let hospital = hospital(organization)
        var locations: [Location] = []
        for entry in entries where entry.resource.resourceType == "Location" {
            if let location = location(entry) { locations.append(location) }
        }
        var departments: [HospitalDefinition.DepartmentEntry] = []
        for entry in entries where entry.resource.resourceType == "HealthcareService" && entry.resource.active != false {
            if let department = department(entry, locations: &locations) { departments.append(department) }
        }
        var doctors: [Doctor] = []
        let departmentIds = Set(departments.map(\.id))
        for entry in entries where entry.resource.resourceType == "PractitionerRole" && entry.resource.active != false {
            if let doctor = doctor(entry, departments: departmentIds) { doctors.append(doctor) }
        }
        checkUnique(locations.map(\.id) + departments.map(\.id) + doctors.map(\.id))
        guard problems.isEmpty, let hospital else { throw HospitalBundleInvalid(problems: problems) }
        let staff = Dictionary(grouping: doctors, by: \.departmentId)
        let withDoctors = departments.map { d in
            HospitalDefinition.DepartmentEntry(
                id: d.id, name: d.name, nameEn: d.nameEn, description: d.description, descriptionEn: d.descriptionEn,
                locationId: d.locationId, specialties: d.specialties, doctors: staff[d.id] ?? [])
        }
        return HospitalDefinition(hospital: hospital, locations: locations, departments: withDoctors, warnings: warnings)
    }

    // MARK: Resources

    /// The hospital among the Organizations: the only one, else the one the departments say provides them, else the
    /// only one that is part of no other.
    private func hospitalOrganization() -> (index: Int, resource: FHIR.Resource)? {
        let organizations = entries.filter { $0.resource.resourceType == "Organization" }
        if organizations.count == 1 { return organizations[0] }
        let providers = Set(
            entries.filter { $0.resource.resourceType == "HealthcareService" }.compactMap { service in
                service.resource.providedBy?.reference.flatMap { byReference[$0] ?? byReference[Self.tail($0)] }
            })
        if providers.count == 1, let found = organizations.first(where: { providers.contains($0.index) }) { return found }
        let roots = organizations.filter { $0.resource.partOf == nil }
        return roots.count == 1 ? roots[0] : nil
    }

    private mutating func hospital(_ entry: (index: Int, resource: FHIR.Resource)) -> Hospital? {
        let r = entry.resource
        let id = identifier(entry)
        let name = required(entry, "name", r.name.flatMap(\.text))
        let zone = r.extension?.first { $0.url == FHIR.timeZoneExtension }.flatMap { $0.valueCode ?? $0.valueString } ?? Self.defaultTimeZone
        if TimeZone(identifier: zone) == nil { problem(entry, "extension(timezone)", "\(zone) is not an IANA time zone") }
        guard let id, let name else { return nil }
        let address = r.address?.first
        return Hospital(
            id: id, name: name, nameEn: r._name?.translation("en") ?? name, timeZone: zone,
            address: address?.text ?? "", addressEn: address?._text?.translation("en") ?? address?.text ?? "",
            phone: r.telecom?.first { $0.system == "phone" }?.value ?? "")
    }

    private mutating func location(_ entry: (index: Int, resource: FHIR.Resource)) -> Location? {
        let r = entry.resource
        let id = identifier(entry)
        let name = required(entry, "name", r.name.flatMap(\.text))
        let codings = (r.type ?? []).flatMap { $0.coding ?? [] }
        let stated = codings.first { $0.system == FHIR.companionPlaceKind }?.code
        if let stated, !Self.placeKinds.contains(stated) {
            problem(
                entry, "type", "\(stated) is not a kind of \(FHIR.companionPlaceKind): one of \(Self.placeKinds.sorted().joined(separator: ", "))")
            return nil
        }
        guard let id, let name else { return nil }
        // Without Companion's code: a v3 role code or a word of the name says the kind; else it is taken as a clinic.
        let kind = stated ?? PlaceKinds.shipped.kind(codings: codings, name: name) ?? "department"
        let place = r.extension?.first { $0.url == FHIR.companionPlace }?.extension ?? []
        func part(_ url: String) -> String { place.first { $0.url == url }?.valueString ?? "" }
        return Location(
            kind: kind, id: id, name: name, nameEn: r._name?.translation("en") ?? name, building: part("building"),
            floor: part("floor"), zone: part("zone"), room: part("room"))
    }

    /// A department; one that names no Location gets a clinic of its own name, with no floor or room (a warning).
    private mutating func department(_ entry: (index: Int, resource: FHIR.Resource), locations: inout [Location])
        -> HospitalDefinition.DepartmentEntry?
    {
        let r = entry.resource
        let id = identifier(entry)
        let name = required(entry, "name", r.name.flatMap(\.text))
        let named = r.location?.first
        var place = named.flatMap { _ in resolve(entry, "location[0]", named, as: "Location") }
        if let place, !locations.contains(where: { $0.id == place }) { problem(entry, "location[0]", "Location/\(place) is not a usable place") }
        let specialties = specialties(entry, r.specialty ?? [])
        guard let id, let name else { return nil }
        if named == nil {
            let clinic = Location(
                kind: "department", id: id + ".clinic", name: name, nameEn: r._name?.translation("en") ?? name,
                building: "", floor: "", zone: "", room: "")
            locations.append(clinic)
            place = clinic.id
            warnings.append("\(describe(entry)): names no Location; its clinic is given its name and no floor or room")
        }
        guard let place else { return nil }
        return .init(
            id: id, name: name, nameEn: r._name?.translation("en") ?? name, description: r.comment ?? "",
            descriptionEn: r._comment?.translation("en") ?? "", locationId: place, specialties: specialties, doctors: [])
    }

    private mutating func doctor(_ entry: (index: Int, resource: FHIR.Resource), departments: Set<String>) -> Doctor? {
        let r = entry.resource
        let id = identifier(entry)
        let person = resolve(entry, "practitioner", r.practitioner, as: "Practitioner").flatMap { self.resource("Practitioner/\($0)") }
        let department = resolve(entry, "healthcareService[0]", r.healthcareService?.first, as: "HealthcareService")
        if let department, !departments.contains(department) {
            problem(entry, "healthcareService[0]", "HealthcareService/\(department) is not an active department of the bundle")
        }
        let humanName = person.flatMap { if case .human(let names) = $0.name { names.first } else { nil } }
        let name = required(entry, "practitioner.name", humanName.flatMap { $0.text ?? Self.fullName($0) })
        let title = r.code?.first ?? person?.qualification?.first?.code
        guard let id, let name, let department, departments.contains(department) else { return nil }
        return Doctor(
            id: id, departmentId: department, name: name, nameEn: humanName?._text?.translation("en") ?? name,
            title: title?.words ?? "", titleEn: title?.englishWords ?? title?.words ?? "",
            specialty: r.specialty?.first?.words ?? "", specialtyEn: r.specialty?.first?.englishWords ?? "")
    }

    /// The knowledge's specialties for a department's codes: SNOMED CT practice settings, or Companion's own ids.
    private mutating func specialties(_ entry: (index: Int, resource: FHIR.Resource), _ concepts: [FHIR.CodeableConcept]) -> [String] {
        var found: [String] = []
        for coding in concepts.flatMap({ $0.coding ?? [] }) {
            let matches: [Specialty] =
                switch coding.system {
                case FHIR.snomed:
                    knowledge.specialties.values.filter { $0.snomed == coding.code || ($0.snomedAlso ?? []).contains(coding.code ?? "") }
                        .sorted { $0.id < $1.id }
                case FHIR.companionSpecialty: coding.code.flatMap { knowledge.specialties[$0] }.map { [$0] } ?? []
                default: []
                }
            for specialty in matches where !found.contains(specialty.id) { found.append(specialty.id) }
            if matches.isEmpty, let code = coding.code {
                warnings.append("\(describe(entry)): specialty \(coding.system ?? "?")|\(code) is not one the clinical knowledge knows")
            }
        }
        if found.isEmpty { warnings.append("\(describe(entry)): covers no specialty the knowledge knows; triage will never send a patient there") }
        return found
    }

    // MARK: Fields

    private mutating func identifier(_ entry: (index: Int, resource: FHIR.Resource)) -> String? {
        guard let id = entry.resource.id, Self.isValid(id: id) else {
            problem(entry, "id", "needs an id of 1–64 letters, digits, '-', '.' or '_'")
            return nil
        }
        return id
    }

    private mutating func required(_ entry: (index: Int, resource: FHIR.Resource), _ field: String, _ value: String?) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            problem(entry, field, "is required (1–200 characters)")
            return nil
        }
        return trimmed
    }

    /// The id of the resource of `type` a reference points to, when it is in the bundle.
    private mutating func resolve(
        _ entry: (index: Int, resource: FHIR.Resource), _ field: String, _ reference: FHIR.Reference?,
        as type: String
    ) -> String? {
        guard let target = reference?.reference, let position = byReference[target] ?? byReference[Self.tail(target)],
            let found = atPosition[position], found.resourceType == type, let id = found.id
        else {
            problem(entry, field, "must reference a \(type) in the bundle")
            return nil
        }
        return id
    }

    private func resource(_ reference: String) -> FHIR.Resource? {
        byReference[reference].flatMap { atPosition[$0] }
    }

    private mutating func index(_ list: [FHIR.Entry]) {
        for (position, entry) in list.enumerated() {
            guard let resource = entry.resource else { continue }
            entries.append((position, resource))
            atPosition[position] = resource
            if let type = resource.resourceType, let id = resource.id { byReference["\(type)/\(id)"] = position }
            if let url = entry.fullUrl { byReference[url] = position }
        }
    }

    private mutating func checkUnique(_ ids: [String]) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            problems.append(.init(entry: nil, resource: nil, field: "id", message: "\(id) is used by two places, departments or doctors"))
        }
    }

    private mutating func problem(_ entry: (index: Int, resource: FHIR.Resource), _ field: String, _ message: String) {
        problems.append(
            .init(
                entry: entry.index, resource: entry.resource.id.map { "\(entry.resource.resourceType ?? "?")/\($0)" },
                field: field, message: message))
    }

    private func invalid(_ entry: Int?, _ field: String, _ message: String) -> HospitalBundleInvalid {
        HospitalBundleInvalid(problems: [.init(entry: entry, resource: nil, field: field, message: message)])
    }

    private func describe(_ entry: (index: Int, resource: FHIR.Resource)) -> String {
        "entry[\(entry.index)] (\(entry.resource.resourceType ?? "?")/\(entry.resource.id ?? "?"))"
    }

    /// A name from its parts: family name first for Chinese (王建国), given names first otherwise (Jane Smith).
    static func fullName(_ name: FHIR.HumanName) -> String {
        let family = name.family ?? "", given = name.given ?? []
        let chinese = (family + given.joined()).unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        return chinese ? family + given.joined() : (given + [family]).filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func isValid(id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }
    }

    /// `Type/id` from an absolute reference (`https://fhir.example/HealthcareService/x` → `HealthcareService/x`).
    static func tail(_ reference: String) -> String {
        reference.split(separator: "/").suffix(2).joined(separator: "/")
    }

    static func problem(decoding error: DecodingError) -> HospitalBundleInvalid.Problem {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .typeMismatch(_, let c), .valueNotFound(_, let c): (c.codingPath, c.debugDescription)
            case .keyNotFound(let key, let c): (c.codingPath + [key], "is missing")
            case .dataCorrupted(let c): (c.codingPath, c.debugDescription)
            @unknown default: ([], "cannot be read")
            }
        let entry = path.count >= 2 && path[0].stringValue == "entry" ? path[1].intValue : nil
        let field = path.dropFirst(entry == nil ? 0 : 2).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return .init(
            entry: entry, resource: nil, field: field.isEmpty ? "(document)" : String(field.drop { $0 == "." }),
            message: message)
    }
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool { (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
