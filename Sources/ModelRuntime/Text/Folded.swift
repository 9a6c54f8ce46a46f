/// Text folded for matching: full-width ASCII to ASCII, the ideographic space to a space, Latin letters lowered.
/// One scalar in, one scalar out, so positions stay where they were.
public enum Folded {
    public static func text(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if value == 0x3000 { value = 0x20 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
