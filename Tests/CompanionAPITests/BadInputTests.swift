import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing

/// One malformed request and what the server must answer.
struct BadRequest: Sendable, CustomTestStringConvertible {
    let name: String
    let method: HTTPRequest.Method
    /// `{pid}` is replaced by an existing patient id of the caller.
    let path: String
    let body: [UInt8]?
    var contentType = "application/json"
    var authenticated = true
    let status: Int
    let code: String

    var testDescription: String { name }

    init(
        _ name: String, _ method: HTTPRequest.Method, _ path: String, _ body: String?, contentType: String = "application/json",
        authenticated: Bool = true, _ status: Int, _ code: String
    ) {
        self.init(
            name, method, path, bytes: body.map { Array($0.utf8) }, contentType: contentType,
            authenticated: authenticated, status, code)
    }

    init(
        _ name: String, _ method: HTTPRequest.Method, _ path: String, bytes: [UInt8]?, contentType: String = "application/json",
        authenticated: Bool = true, _ status: Int, _ code: String
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.body = bytes
        self.contentType = contentType
        self.authenticated = authenticated
        self.status = status
        self.code = code
    }
}

@Suite("Bad input")
struct BadInputTests {
    static let valid = #""name":"张三","gender":"male","birthDate":"2000-01-01""#

    static let cases: [BadRequest] = [
        .init("truncated JSON", .post, "/v1/auth/otp", #"{"phone":"#, 400, "invalid_body"),
        .init("number where a string belongs", .post, "/v1/auth/otp", #"{"phone":13800138000}"#, 400, "invalid_body"),
        .init("unknown field", .post, "/v1/auth/otp", #"{"phone":"13800138000","admin":true}"#, 400, "invalid_body"),
        .init("required field missing", .post, "/v1/auth/otp", "{}", 400, "invalid_body"),
        .init("array instead of object", .post, "/v1/auth/otp", "[]", 400, "invalid_body"),
        .init("JSON null body", .post, "/v1/auth/otp", "null", 400, "invalid_body"),
        .init("no body at all", .post, "/v1/auth/otp", nil, 400, "invalid_body"),
        .init("text/plain body", .post, "/v1/auth/otp", "phone=13800138000", contentType: "text/plain", 415, "unsupported_media_type"),
        .init(
            "invalid UTF-8", .post, "/v1/auth/otp",
            bytes: [0x7B, 0x22, 0x70, 0x68, 0x6F, 0x6E, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], 400, "invalid_body"),
        .init("body over 1 MiB", .post, "/v1/auth/otp", #"{"phone":""# + String(repeating: "1", count: 1_100_000) + #""}"#, 413, "payload_too_large"),
        .init("huge number", .post, "/v1/auth/otp", #"{"phone":1e999999}"#, 400, "invalid_body"),
        .init(
            "10,000 nested arrays", .post, "/v1/auth/otp", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), 400,
            "invalid_body"),
        .init("not a phone number", .post, "/v1/auth/otp", #"{"phone":"call me"}"#, 422, "validation_failed"),
        .init("SQL in the phone number", .post, "/v1/auth/otp", #"{"phone":"13800138000' OR '1'='1"}"#, 422, "validation_failed"),
        .init("code with letters", .post, "/v1/auth/token", #"{"phone":"13800138000","code":"12ab56"}"#, 422, "validation_failed"),
        .init("code as a number", .post, "/v1/auth/token", #"{"phone":"13800138000","code":123456}"#, 400, "invalid_body"),
        .init("SQL as refresh token", .post, "/v1/auth/refresh", #"{"refreshToken":"x'; DROP TABLE refresh_tokens; --"}"#, 401, "unauthorized"),
        .init("null password", .post, "/v1/auth/staff-token", #"{"username":"admin","password":null}"#, 400, "invalid_body"),
        .init("month 13", .post, "/v1/patients", #"{"name":"张三","gender":"male","birthDate":"2000-13-45"}"#, 422, "validation_failed"),
        .init("five-digit year", .post, "/v1/patients", #"{"name":"张三","gender":"male","birthDate":"99999-01-01"}"#, 422, "validation_failed"),
        .init(
            "birth date far in the future", .post, "/v1/patients", #"{"name":"张三","gender":"male","birthDate":"9999-12-31"}"#, 422,
            "validation_failed"),
        .init("NUL in a name", .post, "/v1/patients", #"{"name":"张\u0000三","gender":"male","birthDate":"2000-01-01"}"#, 422, "validation_failed"),
        .init(
            "name of 300 characters", .post, "/v1/patients",
            #"{"name":"\#(String(repeating: "名", count: 300))","gender":"male","birthDate":"2000-01-01"}"#, 422, "validation_failed"),
        .init("string where a list belongs", .post, "/v1/patients", "{\(valid),\"allergies\":\"青霉素\"}", 400, "invalid_body"),
        .init(
            "ID number with a wrong check digit", .post, "/v1/patients", "{\(valid),\"idNumber\":\"110105200001010010\"}", 422, "validation_failed"),
        .init("no token", .post, "/v1/patients", "{\(valid)}", authenticated: false, 401, "unauthorized"),
        .init("limit far too large", .get, "/v1/patients?limit=99999999999999999999", nil, 400, "invalid_body"),
        .init("limit zero", .get, "/v1/patients?limit=0", nil, 422, "validation_failed"),
        .init("forged cursor", .get, "/v1/patients?cursor=%27%20OR%201%3D1", nil, 422, "validation_failed"),
        .init("SQL in a path id", .get, "/v1/patients/%27%20OR%20%271%27%3D%271", nil, 404, "not_found"),
        .init("delete a profile that does not exist", .delete, "/v1/patients/pat_nope", nil, 404, "not_found"),
        .init("patch to a birth date before 1900", .patch, "/v1/patients/{pid}", #"{"birthDate":"1800-01-01"}"#, 422, "validation_failed"),
        .init("patch an unknown field", .patch, "/v1/patients/{pid}", #"{"accountId":"acc_other"}"#, 400, "invalid_body"),
        .init("a method the route does not have", .put, "/v1/patients", "{\(valid)}", 405, "method_not_allowed"),
        .init("a method a templated route does not have", .put, "/v1/patients/{pid}", "{\(valid)}", 405, "method_not_allowed"),
        .init("unknown route", .get, "/v1/nothing-here", nil, 404, "not_found"),
    ]

    @Test("a malformed request gets a 4xx problem and changes no row", arguments: cases)
    func refused(_ bad: BadRequest) async throws {
        try await withAPI { api in
            let token = try await api.login().accessToken
            let pid = try await api.createPatient(token)
            let before = try await snapshot(api.database)
            let profileBefore = try await api.send(.get, "/v1/patients/\(pid)", token: token).json() as NSDictionary

            var headers: HTTPFields = [.contentType: bad.contentType]
            if bad.authenticated { headers[.authorization] = "Bearer \(token)" }
            let response = try await api.client.executeRequest(
                uri: bad.path.replacingOccurrences(of: "{pid}", with: pid), method: bad.method, headers: headers,
                body: bad.body.map { ByteBuffer(bytes: $0) }
            )
            #expect(Int(response.status.code) == bad.status, "\(response.text.prefix(300))")
            #expect(response.isProblem)
            #expect(response.problemCode == bad.code)
            #expect((try response.json()["detail"] as? String)?.isEmpty == false)

            #expect(try await snapshot(api.database) == before)
            let profileAfter = try await api.send(.get, "/v1/patients/\(pid)", token: token).json() as NSDictionary
            #expect(profileAfter == profileBefore)
        }
    }

    @Test("a known path asked with another method answers 405 and lists the methods it has in Allow")
    func methodNotAllowed() async throws {
        try await withAPI { api in
            let token = try await api.login().accessToken
            let pid = try await api.createPatient(token)
            let listing = try await api.client.executeRequest(uri: "/v1/departments", method: .delete, headers: [:], body: nil)
            #expect(listing.status == .methodNotAllowed)
            #expect(listing.headers[.allow] == "GET")
            #expect(listing.isProblem)
            let profile = try await api.client.executeRequest(
                uri: "/v1/patients/\(pid)", method: .post, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(profile.status == .methodNotAllowed)
            #expect(profile.headers[.allow] == "DELETE, GET, PATCH")
            // A path that exists under the asked method still answers as before, a missing record with 404.
            #expect(try await api.send(.get, "/v1/patients/pat_nope", token: token).status == .notFound)
        }
    }

    func snapshot(_ db: Database) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["accounts", "patients", "otp_codes", "refresh_tokens", "staff", "departments", "doctors"] {
            counts.append(try await TestDatabase.count(table, in: db))
        }
        return counts
    }
}
