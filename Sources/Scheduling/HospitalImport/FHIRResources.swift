/// The parts of FHIR R4 JSON a hospital bundle is read from: a Bundle of Organization, HealthcareService,
/// Practitioner, PractitionerRole and Location resources. Fields not listed here are ignored.
enum FHIR {
    /// The core extension that carries an IANA time zone (on the Organization).
    static let timeZoneExtension = "http://hl7.org/fhir/StructureDefinition/timezone"
    /// The core extension that carries a translation of a string element (`lang` and `content`).
    static let translationExtension = "http://hl7.org/fhir/StructureDefinition/translation"
    /// SNOMED CT, whose practice-setting codes name a department's specialties.
    static let snomed = "http://snomed.info/sct"
    /// Companion's own code system for the specialties SNOMED CT's practice settings lack (`chinese_medicine` …):
    /// the clinical knowledge's specialty ids.
    static let companionSpecialty = "urn:companion:fhir:specialty"
    /// Companion's code system for the kind of a Location (`registration`, `pharmacy`, `department` …).
    static let companionPlaceKind = "urn:companion:fhir:place-kind"
    /// Companion's extension on a Location with sub-extensions `building`, `floor`, `zone`, `room` (valueString).
    static let companionPlace = "urn:companion:fhir:place"

    struct Bundle: Decodable {
        let resourceType: String?
        let type: String?
        let entry: [Entry]?
    }

    struct Entry: Decodable {
        let fullUrl: String?
        let resource: Resource?
    }

    /// Every resource type read, flattened: each type uses the fields it has.
    struct Resource: Decodable {
        let resourceType: String?
        let id: String?
        let active: Bool?
        let name: Name?
        let _name: Element?
        let comment: String?
        let _comment: Element?
        let description: String?
        let _description: Element?
        let `extension`: [Extension]?
        let telecom: [ContactPoint]?
        let address: AddressField?
        let specialty: [CodeableConcept]?
        let type: [CodeableConcept]?
        let code: [CodeableConcept]?
        let qualification: [Qualification]?
        let location: [Reference]?
        let providedBy: Reference?
        let partOf: Reference?
        let managingOrganization: Reference?
        let practitioner: Reference?
        let healthcareService: [Reference]?
    }

    /// `name` is a string on most resources and a list of HumanName on a Practitioner.
    enum Name: Decodable {
        case text(String)
        case human([HumanName])

        /// The name when it is a plain string.
        var text: String? { if case .text(let text) = self { text } else { nil } }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) } else { self = .human(try container.decode([HumanName].self)) }
        }
    }

    /// `address` is one Address on an Organization's contact and a Location, a list on an Organization.
    enum AddressField: Decodable {
        case one(Address)
        case many([Address])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(Address.self) { self = .one(one) } else { self = .many(try container.decode([Address].self)) }
        }

        var first: Address? {
            switch self {
            case .one(let address): address
            case .many(let addresses): addresses.first
            }
        }
    }

    struct HumanName: Decodable {
        let text: String?
        let _text: Element?
        let family: String?
        let given: [String]?
    }

    struct Address: Decodable {
        let text: String?
        let _text: Element?
    }

    struct ContactPoint: Decodable {
        let system: String?
        let value: String?
    }

    struct CodeableConcept: Decodable {
        let coding: [Coding]?
        let text: String?
        let _text: Element?
    }

    struct Coding: Decodable {
        let system: String?
        let code: String?
        let display: String?
    }

    struct Qualification: Decodable {
        let code: CodeableConcept?
    }

    struct Reference: Decodable {
        let reference: String?
    }

    /// The extensions of a primitive element (`_name`), where translations live.
    struct Element: Decodable {
        let `extension`: [Extension]?
    }

    struct Extension: Decodable {
        let url: String?
        let valueString: String?
        let valueCode: String?
        let `extension`: [Extension]?
    }
}

extension FHIR.Element {
    /// The translation of the element into `language` (the core translation extension), if there is one.
    func translation(_ language: String) -> String? {
        for item in `extension` ?? [] where item.url == FHIR.translationExtension {
            let parts = item.extension ?? []
            let lang = parts.first { $0.url == "lang" }.flatMap { $0.valueCode ?? $0.valueString }
            if lang?.lowercased().hasPrefix(language) == true, let content = parts.first(where: { $0.url == "content" })?.valueString {
                return content
            }
        }
        return nil
    }
}

extension FHIR.CodeableConcept {
    /// The concept's words: its text, else the first coding's display.
    var words: String? { text ?? coding?.first(where: { $0.display != nil })?.display }
    /// Its English words: the translation of `text`, else a display in English when the text is the only words.
    var englishWords: String? { _text?.translation("en") }
}
