import Foundation
import Wording
import HTTPTypes
import Storage

/// An RFC 9457 problem: the one error shape every client of Companion sees.
public struct Problem: Error, Sendable, Equatable, Encodable {
    public let status: Int
    /// Stable machine word clients branch on, e.g. `slot_full`.
    public let code: String
    public let title: String
    public let detail: String?
    public let errors: [FieldError]?
    /// Seconds to wait before retrying, sent as `Retry-After`.
    public let retryAfter: Int?
    /// The methods the path answers, sent as `Allow` with a 405.
    public let allow: [String]?

    public init(
        status: Int, code: String, title: String, detail: String? = nil, errors: [FieldError]? = nil, retryAfter: Int? = nil,
        allow: [String]? = nil
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.retryAfter = retryAfter
        self.allow = allow
    }

    enum CodingKeys: String, CodingKey { case type, title, status, detail, code, errors }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("https://companion.dev/problems/\(code)", forKey: .type)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(detail, forKey: .detail)
        try c.encode(code, forKey: .code)
        try c.encodeIfPresent(errors, forKey: .errors)
    }

    /// A problem a patient may read: its `detail` is the catalog's `problem_<code>` in the request's language.
    static func worded(status: Int, code: String, title: String, _ values: [String: String] = [:], retryAfter: Int? = nil) -> Problem {
        Problem(
            status: status, code: code, title: title,
            detail: MessageCatalog.shipped.text("problem_\(code)", RequestScope.language.rawValue, values), retryAfter: retryAfter)
    }

    static func unauthorized(_ detail: String = "Sign in first: send Authorization: Bearer <accessToken>.") -> Problem {
        Problem(status: 401, code: "unauthorized", title: "Unauthorized", detail: detail)
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: 403, code: "forbidden", title: "Forbidden", detail: detail)
    }

    static func notFound(_ what: String) -> Problem {
        Problem(status: 404, code: "not_found", title: "Not found", detail: "No such \(what).")
    }

    static func invalidBody(_ detail: String) -> Problem {
        Problem(status: 400, code: "invalid_body", title: "Invalid request", detail: detail)
    }

    static func validation(_ errors: [FieldError]) -> Problem {
        Problem(
            status: 422, code: "validation_failed", title: "Validation failed",
            detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: errors)
    }

    static let internalError = Problem(
        status: 500, code: "internal", title: "Internal server error",
        detail: "Something went wrong on our side; it has been logged.")
}
