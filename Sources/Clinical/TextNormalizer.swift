/// Text as the knowledge is matched against it: full-width forms to ASCII, Latin letters lowered, curly apostrophes
/// straightened, traditional characters to simplified (the knowledge's `characters.jsonl`), and spaces between two
/// Chinese characters dropped (头 疼 is 头疼). One pass, linear in the text.
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
        for (index, character) in folded.enumerated() {
            if character == " ", let before = result.last, Self.isHan(before), index + 1 < folded.count, Self.isHan(folded[index + 1]) { continue }
            result.append(character)
        }
        return result
    }

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
