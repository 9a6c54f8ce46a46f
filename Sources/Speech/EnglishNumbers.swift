/// Numbers said the English way.
enum EnglishNumbers {
    static let ones = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// Digit by digit: "120" → "one two zero".
    static func digits(_ digits: some StringProtocol) -> String {
        digits.compactMap(\.wholeNumberValue).map { ones[$0] }.joined(separator: " ")
    }

    /// A whole number in words, up to the trillions; digit by digit past that or with a leading zero.
    static func integer(_ digits: String) -> String {
        guard digits.count <= 15, !(digits.count > 1 && digits.hasPrefix("0")), let value = Int(digits) else {
            return Self.digits(digits)
        }
        return words(value)
    }

    static func words(_ value: Int) -> String {
        if value < 20 { return ones[value] }
        if value < 100 { return tens[value / 10] + (value % 10 == 0 ? "" : "-" + ones[value % 10]) }
        if value < 1000 {
            return ones[value / 100] + " hundred" + (value % 100 == 0 ? "" : " " + words(value % 100))
        }
        for (size, name) in [(1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")]
        where value >= size {
            return words(value / size) + " " + name + (value % size == 0 ? "" : " " + words(value % size))
        }
        return String(value)
    }

    /// "38.5" → "thirty-eight point five".
    static func decimal(whole: String, fraction: String) -> String {
        integer(whole) + (fraction.isEmpty ? "" : " point " + digits(fraction))
    }

    /// "29" → "twenty-ninth".
    static func ordinal(_ value: Int) -> String {
        let cardinal = words(value)
        let irregular = [
            "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
            "nine": "ninth", "twelve": "twelfth",
        ]
        let parts = cardinal.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var last = parts.last ?? cardinal
        if let word = irregular[last] {
            last = word
        } else if last.hasSuffix("y") {
            last = String(last.dropLast()) + "ieth"
        } else {
            last += "th"
        }
        return (parts.dropLast() + [last]).joined(separator: "-")
    }

    /// A year as people say it: 2026 → "twenty twenty-six", 2005 → "two thousand five", 1998 → "nineteen ninety-eight".
    static func year(_ value: Int) -> String {
        if value % 1000 < 10 || value < 1000 || value > 9999 { return words(value) }
        let high = value / 100, low = value % 100
        if low == 0 { return words(high) + " hundred" }
        return words(high) + " " + (low < 10 ? "oh " + ones[low] : words(low))
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}
