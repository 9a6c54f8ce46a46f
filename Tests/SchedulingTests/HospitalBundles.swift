import Foundation

/// The hospital bundles in `fixtures/hospitals`, and edits of them for tests.
enum HospitalBundles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/hospitals")

    /// 青山县人民医院: a county hospital unlike the demo (五官科, a 大内科 for respiratory and neurology, no rheumatology).
    static func qingshan() throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("qingshan-county.fhir.json"))
    }

    /// The Qingshan bundle with `change` applied to its parsed entries' resources.
    static func qingshan(editing change: (inout [[String: Any]]) -> Void) throws -> Data {
        var bundle = try JSONSerialization.jsonObject(with: qingshan()) as! [String: Any]
        // Each resource carries its entry's fullUrl through the edit: the bundle's references use them.
        var resources = (bundle["entry"] as! [[String: Any]]).map { entry in
            (entry["resource"] as! [String: Any]).merging(["fullUrl": entry["fullUrl"]!]) { old, _ in old }
        }
        change(&resources)
        bundle["entry"] = resources.map { resource in
            ["fullUrl": resource["fullUrl"]!, "resource": resource.filter { $0.key != "fullUrl" }]
        }
        return try JSONSerialization.data(withJSONObject: bundle)
    }

    /// The position of the resource `type/id` among the entries.
    static func index(of type: String, _ id: String, in resources: [[String: Any]]) -> Int {
        resources.firstIndex { $0["resourceType"] as? String == type && $0["id"] as? String == id }!
    }
}
