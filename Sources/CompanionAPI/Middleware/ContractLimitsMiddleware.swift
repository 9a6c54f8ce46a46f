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
        let findings = body.withUnsafeReadableBytes { JSONLimitScan.scan($0, shape: operation?.body) }
        if let findings {
            let nulls = findings.nulls.map { FieldError($0, "may not be null; leave it out instead") }
            // A null is a body the contract cannot decode (400, as the generated server answers a null it notices).
            guard nulls.isEmpty else {
                throw Problem(
                    status: 400, code: "invalid_body", title: "Invalid request",
                    detail: nulls.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: nulls)
            }
            if !findings.violations.isEmpty { throw Problem.validation(findings.violations) }
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
}
