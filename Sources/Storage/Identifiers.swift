import Foundation

/// Opaque ids: a short type prefix and 128 random bits, e.g. `pat_3f2a…`. The prefix only helps people reading
/// logs; clients must treat ids as opaque strings.
public enum Identifier {
    public static func make(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
