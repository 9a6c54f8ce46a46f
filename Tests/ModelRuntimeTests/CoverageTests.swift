import Testing

@testable import ModelRuntime

@Suite("Coverage of matched words")
struct CoverageTests {
    @Test func aWordIsInsideALongerOneOnlyWhereALongerOneCoversIt() {
        // 脖子上起了红疙瘩: 红 (5) inside 红疙瘩 (5..<8); 痒 alone at 9 is covered by a word of its own length only.
        let cover = Coverage([5..<8, 9..<10], in: 0..<12)
        #expect(cover.isInsideALongerWord(5..<6))
        #expect(!cover.isInsideALongerWord(9..<10))
        #expect(!cover.isInsideALongerWord(0..<2))
        #expect(!cover.isInsideALongerWord(5..<8))
    }

    @Test func rangesOutsideTheSpanAreIgnored() {
        let cover = Coverage([0..<20], in: 5..<10)
        #expect(cover.isInsideALongerWord(6..<7))
        #expect(!cover.isInsideALongerWord(12..<13))
    }
}
