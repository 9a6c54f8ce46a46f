/// Structural validation of a FHIR R4 document Bundle, by the rules of the Bundle and Composition resources:
/// type `document`, a timestamp and identifier, the Composition first, every entry with a `fullUrl` and a resource
/// type, every reference resolving inside the Bundle, sections with a title, a LOINC code and XHTML narrative.
enum FHIRCheck {
    static func problems(in bundle: [String: Any], sectionCount: Int) -> [String] {
        var problems: [String] = []
        func need(_ condition: Bool, _ message: String) { if !condition { problems.append(message) } }
        need(bundle["resourceType"] as? String == "Bundle", "resourceType is Bundle")
        need(bundle["type"] as? String == "document", "type is document")
        need(bundle["timestamp"] as? String != nil, "document Bundle has a timestamp (bdl-10)")
        need((bundle["identifier"] as? [String: Any])?["value"] as? String != nil, "document Bundle has an identifier (bdl-9)")
        let entries = bundle["entry"] as? [[String: Any]] ?? []
        need(!entries.isEmpty, "entries")
        var byURL: [String: [String: Any]] = [:]
        for entry in entries {
            guard let url = entry["fullUrl"] as? String, let resource = entry["resource"] as? [String: Any] else {
                problems.append("entry has fullUrl and resource")
                continue
            }
            need(url.hasPrefix("urn:uuid:") && url.count == 45, "fullUrl \(url) is a urn:uuid")
            need(resource["resourceType"] is String && resource["id"] is String, "resource has a type and id")
            need(byURL[url] == nil, "fullUrl \(url) is unique (bdl-7)")
            byURL[url] = resource
        }
        guard let composition = entries.first?["resource"] as? [String: Any], composition["resourceType"] as? String == "Composition" else {
            return problems + ["the first entry is a Composition (bdl-11)"]
        }
        need(["preliminary", "final", "amended", "entered-in-error"].contains(composition["status"] as? String ?? ""), "Composition.status")
        let typeCoding = ((composition["type"] as? [String: Any])?["coding"] as? [[String: Any]])?.first
        need(typeCoding?["system"] as? String == "http://loinc.org" && typeCoding?["code"] is String, "Composition.type is LOINC")
        need(composition["date"] is String && composition["title"] is String, "Composition.date and title")
        func resolves(_ reference: Any?, to type: String) -> Bool {
            guard let url = (reference as? [String: Any])?["reference"] as? String else { return false }
            return byURL[url]?["resourceType"] as? String == type
        }
        need(resolves(composition["subject"], to: "Patient"), "Composition.subject resolves to the Patient")
        need(resolves(composition["encounter"], to: "Encounter"), "Composition.encounter resolves to the Encounter")
        need(
            (composition["author"] as? [Any])?.first.map { resolves($0, to: "Practitioner") } == true,
            "Composition.author resolves to the Practitioner")
        let sections = composition["section"] as? [[String: Any]] ?? []
        need(sections.count == sectionCount, "\(sectionCount) sections")
        for section in sections {
            let coding = ((section["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first
            need(section["title"] is String, "section title")
            need(coding?["system"] as? String == "http://loinc.org" && (coding?["code"] as? String)?.contains("-") == true, "section LOINC code")
            let narrative = section["text"] as? [String: Any]
            need(narrative?["status"] as? String == "generated", "section narrative status")
            need((narrative?["div"] as? String)?.hasPrefix("<div xmlns=\"http://www.w3.org/1999/xhtml\">") == true, "section narrative is XHTML")
        }
        for (url, resource) in byURL where resource["resourceType"] as? String == "Encounter" {
            need(resource["status"] is String && resource["class"] is [String: Any], "Encounter \(url) has status and class")
            need(resolves(resource["subject"], to: "Patient"), "Encounter.subject resolves")
        }
        return problems
    }
}
