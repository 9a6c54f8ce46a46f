import Foundation
import Testing
import Wording

@Suite("Every message the code names is in the catalog")
struct CatalogIdsInCodeTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Catalog ids written in Swift: `say("id"`, `text("id"`, `catalogText("id"`; quick replies `quick(["a", "b"]` are
    /// `quick_a`, `quick_b`; a problem worded by code (`worded(status: …, code: "c"`, `conflict("c"`) is `problem_c`.
    static func namedIds(in text: String) -> Set<String> {
        var ids = Set<String>()
        let direct = /(?:say|catalogText|\.text)\("([a-z0-9_.]+)"/
        for match in text.matches(of: direct) { ids.insert(String(match.1)) }
        for match in text.matches(of: /quick\(\[([^\]]*)\]/) {
            for name in match.1.matches(of: /"([a-z0-9_]+)"/) { ids.insert("quick_" + name.1) }
        }
        for match in text.matches(of: /(?:worded\(status: \d+, code: |conflict\()"([a-z_]+)"/) { ids.insert("problem_" + match.1) }
        return ids
    }

    @Test("ids named in Sources exist in the shipped catalog")
    func idsExist() throws {
        var named = Set<String>()
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            named.formUnion(Self.namedIds(in: try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(named.count > 80, "the scan finds the code's ids: \(named.count)")
        let missing = named.filter { !MessageCatalog.shipped.contains($0) }.sorted()
        #expect(missing.isEmpty, "named in code but not in messages.jsonl: \(missing)")
    }
}
