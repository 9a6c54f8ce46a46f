import Storage
import Testing

struct IdentifierTests {
    @Test("ids are the prefix and 128 random bits in 32 lowercase hex digits, and 100,000 of them are all different")
    func idsAreDistinct() {
        var seen = Set<String>()
        for _ in 0..<100_000 {
            let id = Identifier.make("apt")
            #expect(id.hasPrefix("apt_") && id.count == 36)
            #expect(id.dropFirst(4).allSatisfy { "0123456789abcdef".contains($0) })
            seen.insert(id)
        }
        #expect(seen.count == 100_000)
        // Every hex digit position varies: no byte is left out of the id.
        let ids = (0..<64).map { _ in Array(Identifier.make("x").dropFirst(2)) }
        for position in 0..<32 { #expect(Set(ids.map { $0[position] }).count > 1, "position \(position)") }
    }
}
