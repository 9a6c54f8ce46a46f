/// For each position of a stretch of text, how long the longest of some matched words covering it is, so that "is
/// this word part of a longer one" costs one pass over the words rather than a comparison of every pair.
struct Coverage {
    private var longest: [Int]
    private let start: Int

    /// The cover of `ranges` over `span`; the ranges are matches of one index, so their lengths sum to at most the
    /// span's length times the longest term's.
    init(_ ranges: [Range<Int>], in span: Range<Int>) {
        start = span.lowerBound
        longest = Array(repeating: 0, count: span.count)
        for range in ranges {
            for position in range.clamped(to: span) { longest[position - start] = max(longest[position - start], range.count) }
        }
    }

    /// Whether a word longer than `range` covers any of its positions.
    func isInsideALongerWord(_ range: Range<Int>) -> Bool {
        range.contains { position in
            position >= start && position - start < longest.count && longest[position - start] > range.count
        }
    }
}
