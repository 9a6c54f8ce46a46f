import Foundation

/// What kind of place a Location is when the bundle does not say it in Companion's code system: its HL7 v3 role code,
/// else a word of its name (`place-kinds.json`, data).
struct PlaceKinds: Sendable, Decodable {
    static let roleCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"

    let roleCodes: [String: String]
    let nameWords: [String: [String]]

    static let shipped: PlaceKinds = {
        guard let url = Bundle.module.url(forResource: "place-kinds", withExtension: "json", subdirectory: nil),
            let data = try? Data(contentsOf: url), let kinds = try? JSONDecoder().decode(PlaceKinds.self, from: data)
        else { fatalError("HospitalImport/place-kinds.json is missing or malformed") }
        let unknown = Set(kinds.roleCodes.values).union(kinds.nameWords.keys).subtracting(HospitalBundleReader.placeKinds)
        precondition(unknown.isEmpty, "place-kinds.json names kinds Companion does not know: \(unknown.sorted())")
        return kinds
    }()

    /// The kind from a v3 role code of the Location's `type`, else from its name; nil when neither says.
    func kind(codings: [FHIR.Coding], name: String) -> String? {
        if let code = codings.first(where: { $0.system == Self.roleCodeSystem && roleCodes[$0.code ?? ""] != nil })?.code {
            return roleCodes[code]
        }
        let lowered = name.lowercased()
        return nameWords.keys.sorted().first { kind in nameWords[kind]!.contains { lowered.contains($0.lowercased()) } }
    }
}
