import Foundation

/// Opaque ids: a short type prefix and 128 random bits, e.g. `pat_3f2a…`. The prefix only helps people reading
/// logs; clients must treat ids as opaque strings.
public enum Identifier {
    public static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let (high, low) = (generator.next(), generator.next())
        return prefix + "_" + (0..<16).lazy.map { UInt8(truncatingIfNeeded: ($0 < 8 ? high : low) >> (8 * UInt64($0 % 8))) }.hexDigits
    }
}
