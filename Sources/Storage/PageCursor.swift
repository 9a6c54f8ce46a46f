import Foundation

/// The position after the last item of a page (its creation time and id), as an opaque token for `?cursor=`.
public struct PageCursor: Sendable, Equatable {
    public let millis: Int64
    public let id: String

    public init(millis: Int64, id: String) {
        self.millis = millis
        self.id = id
    }

    /// Reads a token made by `token`; anything else is a validation error on `cursor`.
    public init(token: String) throws {
        let padded =
            token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            + String(repeating: "=", count: (4 - token.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":"), let millis = Int64(text[..<colon])
        else {
            throw ValidationFailed([FieldError("cursor", "is not a cursor this server made")])
        }
        self.millis = millis
        self.id = String(text[text.index(after: colon)...])
    }

    public var token: String {
        Data("\(millis):\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
