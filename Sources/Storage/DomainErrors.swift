/// One problem with one input field, reported back to the client as is.
public struct FieldError: Sendable, Equatable, Codable {
    public let field: String
    public let message: String
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Input that breaks a rule of the domain; every problem is listed, not just the first.
public struct ValidationFailed: Error, Sendable, Equatable {
    public let errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}

/// The object does not exist, or belongs to someone else (callers must not be able to tell the difference).
public struct NotFound: Error, Sendable, Equatable {
    public let kind: String
    public init(_ kind: String) { self.kind = kind }
}

/// Collects field errors while checking an input, then throws them together.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []
    public init() {}

    public mutating func check(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { errors.append(FieldError(field, message)) }
    }

    public func throwIfFailed() throws {
        if !errors.isEmpty { throw ValidationFailed(errors) }
    }
}
