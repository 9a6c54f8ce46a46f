/// The 18-character resident identity number (居民身份证号码, GB 11643): 17 digits and a check character
/// (a digit or X) computed with ISO 7064 MOD 11-2. Characters 7–14 are the holder's birth date.
public struct ChineseIDNumber: Sendable, Equatable {
    public let value: String

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Accepts an 18-character number with a correct check character (a lowercase x is taken as X).
    public init?(_ raw: String) {
        let text = raw.uppercased()
        let characters = Array(text)
        guard characters.count == 18, characters.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let sum = zip(characters.prefix(17), Self.weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        guard characters[17] == Self.checkCharacters[sum % 11] else { return nil }
        value = text
    }

    /// The birth date written in the number, as `YYYY-MM-DD`.
    public var birthDate: String {
        let digits = Array(value)
        return String(digits[6..<10]) + "-" + String(digits[10..<12]) + "-" + String(digits[12..<14])
    }
}
