import Foundation
import OpenAPIRuntime

/// Dates on the wire as RFC 3339: read with or without fractional seconds (JavaScript's `toISOString()` and most
/// phone encoders send milliseconds) and with any offset; written in whole seconds, UTC, as before.
struct RFC3339DateTranscoder: DateTranscoder {
    private static let whole = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    func encode(_ date: Date) throws -> String { Self.whole.format(date) }

    func decode(_ text: String) throws -> Date {
        if let date = try? Self.whole.parse(text) { return date }
        if let date = try? Self.fractional.parse(text) { return date }
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Expected an RFC 3339 date-time."))
    }
}
