import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// Holds requests to what the contract says and the generated server does not check: parameters within their
/// `maxLength`, `minimum` and `maximum`; in a JSON body strings within `maxLength` and arrays within `maxItems`, and
/// no `null` anywhere (no property of the contract may be null; an absent property is how a client leaves one
/// out). A broken limit is a 422 naming the field, a null a 400 naming it. Linear in the size of the request.
struct ContractLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    let limits: ParameterLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var errors: [FieldError] = []
        let operation = limits.operation(request.method, path: request.uri.path)
        if let (parameters, _, pathValues) = operation {
            let query = request.uri.queryParameters
            for parameter in parameters {
                let value: String?
                switch parameter.place {
                case .query: value = query[parameter.name[...]].map(String.init)
                case .path: value = pathValues[parameter.name].map { String($0).removingPercentEncoding ?? String($0) }
                case .header: value = HTTPField.Name(parameter.name).flatMap { request.headers[$0] }
                }
                if let value, let problem = Self.check(value, against: parameter) { errors.append(FieldError(parameter.name, problem)) }
            }
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: BodyLimitMiddleware<Context>.defaultLimit)
        // Not JSON at all is the generated server's to refuse, with its own message.
        if let json = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed]) {
            let nulls = Self.nulls(in: json, at: "").prefix(20).map { FieldError($0, "may not be null; leave it out instead") }
            // A null is a body the contract cannot decode (400, as the generated server answers a null it notices).
            guard nulls.isEmpty else {
                throw Problem(status: 400, code: "invalid_body", title: "Invalid request",
                              detail: nulls.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: nulls)
            }
            if let shape = operation?.body {
                let violations = Self.violations(of: shape, in: json, at: "")
                if !violations.isEmpty { throw Problem.validation(Array(violations.prefix(20))) }
            }
        }
        return try await next(request, context)
    }

    static func check(_ value: String, against parameter: ParameterLimits.Parameter) -> String? {
        // JSON Schema counts a string's length in code points, not in what Swift counts as characters.
        if let maxLength = parameter.maxLength, value.unicodeScalars.count > maxLength { return "at most \(maxLength) characters" }
        guard parameter.minimum != nil || parameter.maximum != nil, let number = Int(value) else { return nil }
        if let minimum = parameter.minimum, number < minimum { return "at least \(minimum)" }
        if let maximum = parameter.maximum, number > maximum { return "at most \(maximum)" }
        return nil
    }

    /// Where a decoded JSON value breaks the limits of its shape. Values of another type are the generated server's to
    /// refuse.
    static func violations(of shape: ParameterLimits.Shape, in value: Any, at path: String) -> [FieldError] {
        switch (shape, value) {
        case (.string(let maxLength), let text as String):
            return text.unicodeScalars.count > maxLength ? [FieldError(path, "at most \(maxLength) characters")] : []
        case (.object(let properties), let object as [String: Any]):
            return properties.sorted { $0.key < $1.key }.flatMap { name, property in
                object[name].map { violations(of: property, in: $0, at: path.isEmpty ? name : path + "." + name) } ?? []
            }
        case (.array(let items, let maxItems), let array as [Any]):
            if let maxItems, array.count > maxItems { return [FieldError(path, "at most \(maxItems) items")] }
            guard let items else { return [] }
            return array.enumerated().flatMap { violations(of: items, in: $0.element, at: "\(path)[\($0.offset)]") }
        default:
            return []
        }
    }

    /// The paths of every null in a decoded JSON value, e.g. `language` or `turns[2].speaker`.
    static func nulls(in value: Any, at path: String) -> [String] {
        switch value {
        case is NSNull: return [path.isEmpty ? "body" : path]
        case let object as [String: Any]:
            return object.sorted { $0.key < $1.key }.flatMap { nulls(in: $0.value, at: path.isEmpty ? $0.key : path + "." + $0.key) }
        case let array as [Any]:
            return array.enumerated().flatMap { nulls(in: $0.element, at: "\(path)[\($0.offset)]") }
        default: return []
        }
    }
}
