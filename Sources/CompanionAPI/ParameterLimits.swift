import HTTPTypes
import Yams

/// The limits the contract sets on each operation's parameters (`maxLength` of strings, `minimum`/`maximum` of
/// integers, in the query, the path or a header) and on its JSON body (`maxLength` of strings, `maxItems` of
/// arrays, at any depth), read from openapi.yaml once. The generated server checks types but not these, so
/// `ContractLimitsMiddleware` holds requests to them.
struct ParameterLimits: Sendable {
    /// What the contract limits in a JSON value.
    indirect enum Shape: Sendable {
        case string(maxLength: Int)
        case object([String: Shape])
        case array(Shape?, maxItems: Int?)
    }

    /// One parameter's limits.
    struct Parameter: Sendable, Equatable {
        enum Place: String, Sendable { case query, path, header }
        let name: String
        let place: Place
        var maxLength: Int?
        var minimum: Int?
        var maximum: Int?
    }

    private struct Operation: Sendable {
        let method: HTTPRequest.Method
        let segments: [String]
        let parameters: [Parameter]
        let body: Shape?
    }

    private let operations: [Operation]

    init(contract: String) throws {
        guard let document = try Yams.load(yaml: contract) as? [String: Any],
            let paths = document["paths"] as? [String: Any]
        else { throw ConfigurationError("openapi.yaml has no paths") }
        let components = document["components"] as? [String: Any] ?? [:]
        let shared = components["parameters"] as? [String: Any] ?? [:]
        let schemas = components["schemas"] as? [String: Any] ?? [:]
        var operations: [Operation] = []
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            let common = item["parameters"] as? [Any] ?? []
            for (method, operation) in item {
                guard let method = HTTPRequest.Method(method.uppercased()), let operation = operation as? [String: Any] else { continue }
                let declared = common + (operation["parameters"] as? [Any] ?? [])
                let parameters = declared.compactMap { Self.parameter($0, shared: shared) }
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                let body = ((content?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
                    .flatMap { Self.shape($0, schemas: schemas, depth: 0) }
                operations.append(Operation(method: method, segments: Self.segments(path), parameters: parameters, body: body))
            }
        }
        self.operations = operations
    }

    /// The parameters and body shape of the operation a request reaches, with the values of its path parameters by
    /// name; nil when no operation has this method and path.
    func operation(_ method: HTTPRequest.Method, path: String) -> (parameters: [Parameter], body: Shape?, pathValues: [String: Substring])? {
        let asked = path.split(separator: "/", omittingEmptySubsequences: true)
        for operation in operations where operation.method == method && operation.segments.count == asked.count {
            var values: [String: Substring] = [:]
            let matches = zip(operation.segments, asked).allSatisfy { template, segment in
                guard template.hasPrefix("{") else { return template == segment }
                values[String(template.dropFirst().dropLast())] = segment
                return true
            }
            if matches { return (operation.parameters, operation.body, values) }
        }
        return nil
    }

    /// The limits in a schema, following `$ref`s (to a bounded depth, as schemas may refer to themselves); nil when
    /// nothing in it is limited.
    private static func shape(_ schema: [String: Any], schemas: [String: Any], depth: Int) -> Shape? {
        guard depth < 12 else { return nil }
        if let reference = schema["$ref"] as? String, let name = reference.split(separator: "/").last,
            let target = schemas[String(name)] as? [String: Any]
        {
            return shape(target, schemas: schemas, depth: depth + 1)
        }
        if let properties = schema["properties"] as? [String: Any] {
            let limited = properties.compactMapValues { ($0 as? [String: Any]).flatMap { shape($0, schemas: schemas, depth: depth + 1) } }
            return limited.isEmpty ? nil : .object(limited)
        }
        switch schema["type"] as? String {
        case "string": return (schema["maxLength"] as? Int).map { .string(maxLength: $0) }
        case "array":
            let items = (schema["items"] as? [String: Any]).flatMap { shape($0, schemas: schemas, depth: depth + 1) }
            let maxItems = schema["maxItems"] as? Int
            return items == nil && maxItems == nil ? nil : .array(items, maxItems: maxItems)
        default: return nil
        }
    }

    private static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    private static func parameter(_ declared: Any, shared: [String: Any]) -> Parameter? {
        var fields = declared as? [String: Any] ?? [:]
        if let reference = fields["$ref"] as? String, let name = reference.split(separator: "/").last {
            fields = shared[String(name)] as? [String: Any] ?? [:]
        }
        guard let name = fields["name"] as? String, let place = (fields["in"] as? String).flatMap(Parameter.Place.init(rawValue:)),
            let schema = fields["schema"] as? [String: Any]
        else { return nil }
        let parameter = Parameter(
            name: name, place: place, maxLength: schema["maxLength"] as? Int,
            minimum: schema["minimum"] as? Int, maximum: schema["maximum"] as? Int)
        return parameter.maxLength == nil && parameter.minimum == nil && parameter.maximum == nil ? nil : parameter
    }
}
