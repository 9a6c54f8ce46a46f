import Accounts
import CompanionTestSupport
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The production sender against a real HTTP server on loopback standing in for the SMS gateway adapter.
@Suite("Webhook one-time-code sender")
struct WebhookOTPSenderTests {
    final class Inbox: @unchecked Sendable {
        // The lock guards `requests`, the only mutable state.
        private let lock = NSLock()
        private var requests: [(body: Data, signature: String?)] = []
        func add(_ body: Data, _ signature: String?) { lock.withLock { requests.append((body, signature)) } }
        var all: [(body: Data, signature: String?)] { lock.withLock { requests } }
    }

    /// Runs a gateway on a free loopback port for `body` (`LoopbackServer`: the sender under test waits 30 s).
    func withGateway(_ inbox: Inbox, status: HTTPResponse.Status, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.post("/sms") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 10_000)
            inbox.add(Data(body.readableBytesView), request.headers[HTTPField.Name("X-Companion-Signature")!])
            return Response(status: status)
        }
        try await LoopbackServer.run(router, logger: quietLogger, body)
    }

    @Test("the code reaches the gateway as signed JSON")
    func delivers() async throws {
        let inbox = Inbox()
        try await withGateway(inbox, status: .ok) { port in
            // A generous timeout: the suite starts everything at once on two cores.
            let sender = WebhookOTPSender(url: "http://127.0.0.1:\(port)/sms", signingSecret: "shared-secret", timeout: .seconds(30))
            try await sender.send(code: "482913", to: PhoneNumber("+86 13800138000")!)
            let received = try #require(inbox.all.first)
            let json = try JSONSerialization.jsonObject(with: received.body) as? [String: String]
            #expect(json?["phone"] == "13800138000")
            #expect(json?["code"] == "482913")
            #expect(json?["message"]?.contains("482913") == true)
            let mac = HMAC<SHA256>.authenticationCode(for: received.body, using: SymmetricKey(data: Data("shared-secret".utf8)))
            #expect(received.signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
            #expect(!sender.revealsCode)
        }
    }

    @Test("a gateway error or no gateway at all is delivery_failed")
    func failures() async throws {
        let inbox = Inbox()
        try await withGateway(inbox, status: .internalServerError) { port in
            let sender = WebhookOTPSender(url: "http://127.0.0.1:\(port)/sms", signingSecret: "s", timeout: .seconds(30))
            await #expect(throws: AccountsError.deliveryFailed) { try await sender.send(code: "1", to: PhoneNumber("13800138000")!) }
        }
        let nowhere = WebhookOTPSender(url: "http://127.0.0.1:1/sms", signingSecret: "s", timeout: .seconds(1))
        await #expect(throws: AccountsError.deliveryFailed) { try await nowhere.send(code: "1", to: PhoneNumber("13800138000")!) }
    }
}
