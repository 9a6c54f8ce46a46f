import Wording
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Delivers a one-time login code to a phone. Production deployments send it through their SMS gateway.
public protocol OTPSender: Sendable {
    /// True when the code may be returned to the caller (`devCode`); only the development sender says yes.
    var revealsCode: Bool { get }
    func send(code: String, to phone: PhoneNumber) async throws
}

/// Development: the code is returned in the API response and written to the log, nothing is sent.
public struct DevOTPSender: OTPSender {
    let logger: Logger
    public init(logger: Logger = Logger(label: "companion.otp")) { self.logger = logger }
    public var revealsCode: Bool { true }
    public func send(code: String, to phone: PhoneNumber) async throws {
        logger.notice("dev one-time code", metadata: ["phone": "\(phone.masked)", "code": "\(code)"])
    }
}

/// Production: POSTs `{"phone", "code", "message"}` as JSON to an SMS gateway adapter, with an
/// `X-Companion-Signature: sha256=<hex HMAC of the body>` header keyed by a shared secret.
/// Any answer other than 2xx within the timeout counts as not delivered.
public struct WebhookOTPSender: OTPSender {
    let url: String
    let signingSecret: String
    let client: HTTPClient
    let timeout: TimeAmount

    public init(url: String, signingSecret: String, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(5)) {
        self.url = url
        self.signingSecret = signingSecret
        self.client = client
        self.timeout = timeout
    }

    public var revealsCode: Bool { false }

    struct Payload: Encodable {
        let phone: String
        let code: String
        let message: String
    }

    public func send(code: String, to phone: PhoneNumber) async throws {
        let body = try JSONEncoder().encode(
            Payload(
                phone: phone.value, code: code,
                message: MessageCatalog.shipped.text("sms_login_code", "zh", ["code": code]) + " "
                    + MessageCatalog.shipped.text("sms_login_code", "en", ["code": code])
            ))
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(
            name: "X-Companion-Signature", value: "sha256=" + Secrets.hash(String(decoding: body, as: UTF8.self), pepper: signingSecret))
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw AccountsError.deliveryFailed
        }
        guard (200..<300).contains(response.status.code) else { throw AccountsError.deliveryFailed }
    }
}
