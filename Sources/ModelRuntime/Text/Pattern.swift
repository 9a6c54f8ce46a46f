import Foundation

/// A regular expression with the words one of which it cannot match without: the expression runs only when the text
/// holds one of them, so most messages skip most patterns (a 2,000-character message without them costs a byte scan).
public struct Pattern: @unchecked Sendable {
    public let expression: NSRegularExpression
    public let needs: [String]

    /// `needs`: literal words every match contains one of (empty: always run).
    public init(_ pattern: String, needs: [String]) {
        expression = Quantities.regex(pattern)
        self.needs = needs
    }

    func mayMatch(_ text: String) -> Bool { needs.isEmpty || needs.contains(where: text.includes) }
}

extension Quantities {
    /// The capture groups of the first match of `pattern` (index 0 is the whole match; an absent group is "").
    public static func firstMatch(_ pattern: Pattern, in text: String) -> [String]? {
        pattern.mayMatch(text) ? firstMatch(pattern.expression, in: text) : nil
    }

    /// The capture groups of the first `limit` matches, or nil when none.
    public static func matches(_ pattern: Pattern, in text: String, limit: Int = 16) -> [[String]]? {
        guard pattern.mayMatch(text) else { return nil }
        return firstMatch(pattern.expression, in: text, all: true).map { Array($0.prefix(limit)) }
    }
}
