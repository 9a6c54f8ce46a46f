/// A phone number that can receive a text message: a mainland mobile number (11 digits starting with 1,
/// with or without +86) or any E.164 number. Stored in one canonical form so one person has one account.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// The canonical form: 11 digits for mainland mobiles, `+` and digits otherwise.
    public let value: String

    public init?(_ raw: String) {
        let compact = raw.filter { !" -()".contains($0) }
        let digits = compact.hasPrefix("+") ? String(compact.dropFirst()) : compact
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if compact.hasPrefix("+86") || (!compact.hasPrefix("+") && digits.count == 11) {
            let national = compact.hasPrefix("+86") ? String(digits.dropFirst(2)) : digits
            guard national.count == 11, national.first == "1", let second = national.dropFirst().first,
                "3456789".contains(second)
            else { return nil }
            value = national
        } else if compact.hasPrefix("+"), digits.count >= 7, digits.first != "0" {
            value = "+" + digits
        } else {
            return nil
        }
    }

    /// The last four digits only, for logs and messages.
    public var masked: String { "***" + value.suffix(4) }

    public var description: String { masked }
}
