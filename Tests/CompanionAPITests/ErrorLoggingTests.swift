@testable import CompanionAPI
import HTTPTypes
import OpenAPIRuntime
import Testing

/// An unexpected error is logged by its type, operation and cause, never with the request that carried it.
struct ErrorLoggingTests {
    struct StorageFailure: Error, CustomStringConvertible {
        var description: String { "near \"WHERE\": syntax error" }
    }

    @Test("a handler's failure is logged without the bearer token or what the patient wrote")
    func serverErrorIsLoggedWithoutTheRequest() {
        let request = HTTPRequest(
            method: .post, scheme: "https", authority: "companion.test", path: "/v1/conversations/c1/messages",
            headerFields: [.authorization: "Bearer secret-token-123"])
        let error = ServerError(
            operationID: "postMessage", request: request, requestBody: nil, requestMetadata: .init(),
            operationInput: "左边后槽牙疼了整整十一天", causeDescription: "User handler threw an error.",
            underlyingError: StorageFailure())
        #expect("\(error)".contains("secret-token-123"), "the runtime's own description repeats the request")
        let logged = ProblemMiddleware<CompanionRequestContext>.loggable(error).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        #expect(!logged.contains("secret-token-123"))
        #expect(!logged.contains("后槽牙"))
        #expect(logged.contains("postMessage"))
        #expect(logged.contains("syntax error"))
    }
}
