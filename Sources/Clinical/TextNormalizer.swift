/// Text as the knowledge is matched against it: full-width forms to ASCII, Latin letters lowered, curly apostrophes
/// straightened, traditional characters to simplified (the knowledge's `characters.jsonl`), spaces between two
/// Chinese characters dropped (头 疼 is 头疼), and English plurals folded (eyelids is eyelid, patches is patch: a word
/// of four letters or more ending in s, not ss, us or is, loses the s, and the e before it after ch, sh, x or ss — the
/// knowledge's phrases are folded the same way, so "swollen eyelid" also reads "my eyelids are swollen"); an apostrophe
/// inside or after an English word is dropped on both sides too, so "cant" reads as "can't" and "dads" as "dad's".
/// Linear in the text.
public struct TextNormalizer: Sendable {
    let simplified: [Character: Character]

    /// `simplified`: each traditional character's simplified form.
    public init(simplified: [Character: Character]) {
        self.simplified = simplified
    }

    /// The text's characters, normalised, in one pass.
    public func normalize(_ text: String) -> [Character] {
        var folded: [Character] = []
        folded.reserveCapacity(text.count)
        for character in text {
            folded.append(fold(character))
        }
        var result: [Character] = []
        result.reserveCapacity(folded.count)
        var wordStart = 0
        for (index, character) in folded.enumerated() {
            if character == " ", let before = result.last, Self.isHan(before), index + 1 < folded.count, Self.isHan(folded[index + 1]) { continue }
            if character == "'", let before = result.last, Self.isLetter(before) { continue }
            if !Self.isLetter(character) {
                Self.foldPlural(&result, wordStart: wordStart)
                wordStart = result.count + 1
            }
            result.append(character)
        }
        Self.foldPlural(&result, wordStart: wordStart)
        return result
    }

    /// Drops the plural s (or es after ch, sh, x, ss) of the word that ends the text so far (it started at `wordStart`).
    private static func foldPlural(_ text: inout [Character], wordStart: Int) {
        let length = text.count - wordStart
        guard length >= 4, text.last == "s", !["s", "u", "i"].contains(text[text.count - 2]) else { return }
        text.removeLast()
        guard text.last == "e", length >= 5 else { return }
        let before = text[text.count - 2], twoBefore = text[text.count - 3]
        if before == "x" || ((before == "h" || before == "s") && ["c", "s"].contains(twoBefore)) { text.removeLast() }
    }

    private static func isLetter(_ character: Character) -> Bool { ("a"..."z").contains(character) }

    private func fold(_ character: Character) -> Character {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return character }
        var value = scalar.value
        switch value {
        case 0xFF01...0xFF5E: value -= 0xFEE0
        case 0x3000, 0x09, 0xA0: value = 0x20
        case 0x2018, 0x2019: value = 0x27
        default: break
        }
        if (0x41...0x5A).contains(value) { value += 0x20 }
        let folded = Character(Unicode.Scalar(value)!)
        return simplified[folded] ?? folded
    }

    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { $0.properties.isIdeographic } ?? false
    }
}
