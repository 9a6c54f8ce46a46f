/// Text ready for the synthesiser, with a map back to the text it was made from, so that what the synthesiser
/// reports about the spoken text (word positions) can be shown on the original ("38.5℃", not "三十八点五摄氏度").
public struct SpokenText: Sendable, Equatable {
    /// One stretch of the spoken text and the stretch of the original it came from.
    public struct Piece: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// Copied as it is: position n in the spoken stretch is position n in the original.
            case verbatim
            /// Said another way (a number in words, an expanded unit): any part of it stands for all of the original.
            case rewritten
            /// A pause made from punctuation: no word of the original.
            case pause
        }
        /// Unicode-scalar offsets in `SpokenText.text`.
        public var spoken: Range<Int>
        /// Unicode-scalar offsets in the original text.
        public var original: Range<Int>
        public var kind: Kind
    }

    /// What the synthesiser reads.
    public var text: String
    /// In order, covering every scalar of `text`.
    public var pieces: [Piece]

    /// True when nothing is left to say: only pauses and spaces.
    public var isSilent: Bool {
        !text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// The original range (in scalars) behind a range of spoken scalars, or nil when it lies in pauses only.
    public func originalRange(ofSpoken range: Range<Int>) -> Range<Int>? {
        var lower: Int?
        var upper = 0
        for piece in pieces where piece.kind != .pause && piece.spoken.overlaps(range.isEmpty ? range.lowerBound..<range.lowerBound + 1 : range) {
            let mapped: Range<Int>
            if piece.kind == .verbatim {
                let start = max(range.lowerBound, piece.spoken.lowerBound) - piece.spoken.lowerBound
                let end = min(max(range.upperBound, range.lowerBound + 1), piece.spoken.upperBound) - piece.spoken.lowerBound
                mapped = (piece.original.lowerBound + start)..<(piece.original.lowerBound + end)
            } else {
                mapped = piece.original
            }
            lower = min(lower ?? mapped.lowerBound, mapped.lowerBound)
            upper = max(upper, mapped.upperBound)
        }
        return lower.map { $0..<upper }
    }
}

/// Appends spoken text piece by piece, keeping the map to the original.
struct SpokenTextBuilder {
    private(set) var text = ""
    private(set) var pieces: [SpokenText.Piece] = []
    private var length = 0

    var endsInPauseOrEmpty: Bool { pieces.last.map { $0.kind == .pause } ?? true }
    var endsInSpace: Bool { text.unicodeScalars.last.map { $0 == " " } ?? true }

    mutating func append(_ spoken: String, original: Range<Int>, kind: SpokenText.Piece.Kind) {
        let count = spoken.unicodeScalars.count
        guard count > 0 else { return }
        if kind == .verbatim, let last = pieces.last, last.kind == .verbatim, last.original.upperBound == original.lowerBound {
            pieces[pieces.count - 1].spoken = last.spoken.lowerBound..<(length + count)
            pieces[pieces.count - 1].original = last.original.lowerBound..<original.upperBound
        } else {
            pieces.append(.init(spoken: length..<(length + count), original: original, kind: kind))
        }
        text += spoken
        length += count
    }

    /// A pause, unless the text already ends in one (so ", , ," collapses) or nothing was said yet.
    mutating func pause(_ mark: String, original: Range<Int>) {
        if let last = pieces.last, last.kind == .pause, last.spoken.count == 1, text.unicodeScalars.last == " " {
            pieces.removeLast()
            text.unicodeScalars.removeLast()
            length -= 1
        }
        if endsInPauseOrEmpty { return }
        append(mark + " ", original: original, kind: .pause)
    }

    /// One space between words, never two.
    mutating func space(original: Range<Int>) {
        if endsInSpace { return }
        append(" ", original: original, kind: .pause)
    }

    func build() -> SpokenText { SpokenText(text: text, pieces: pieces) }
}
