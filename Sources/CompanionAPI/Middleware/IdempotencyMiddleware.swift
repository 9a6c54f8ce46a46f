import Accounts
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SQLKit
import Storage

/// `Idempotency-Key` on POST: the first request with a key runs and its answer (success or 4xx problem) is
/// stored; a retry with the same key and body gets that answer again, byte for byte, even when it arrives while the
/// first is still running (it waits). The same key with another body is 422. Keys belong to one caller and one
/// path, and live 24 hours. A 5xx answer is not stored, so the client can retry. A key whose first request never
/// answered (its instance died) is released after `abandonedAfter`, so the retry runs instead of waiting a day.
struct IdempotencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let database: Database
    let clock: any NowProvider
    static var lifetime: TimeInterval { 24 * 3600 }
    /// Longer than any request runs (a model draft included): an answer not stored by then never will be.
    static var abandonedAfter: TimeInterval { 5 * 60 }
    static var header: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Keys belong to a signed-in caller; anonymous routes (login) have nothing to create twice.
        guard request.method == .post, let key = request.headers[Self.header], let principal = RequestScope.principal else {
            return try await next(request, context)
        }
        guard (1...200).contains(key.count) else {
            throw Problem(status: 422, code: "validation_failed", title: "Bad Idempotency-Key", detail: "Idempotency-Key: 1–200 characters")
        }
        var request = request
        let body = try await request.collectBody(upTo: BodyLimitMiddleware<Context>.defaultLimit)
        let owner = principal.subjectId + " " + request.uri.path
        // Keyed, so a stored hash does not confirm a guess at what a patient sent.
        let hash = try database.keyedHash(Data(body.readableBytesView))

        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            if try await claim(owner: owner, key: key, hash: hash) {
                return try await runAndStore(request, context: context, next: next, owner: owner, key: key)
            }
            guard
                let row = try await database.sql.raw(
                    """
                    SELECT request_hash, status, content_type, body FROM idempotency_keys WHERE owner = \(bind: owner) AND key = \(bind: key)
                    """
                ).first()
            else { continue }
            guard try row.decode(column: "request_hash", as: String.self) == hash else {
                throw Problem(
                    status: 422, code: "idempotency_key_reused", title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was used with a different request body.")
            }
            if let status = try row.decode(column: "status", as: Int?.self) {
                return Response(
                    status: .init(code: status),
                    headers: [
                        .contentType: try row.decode(column: "content_type", as: String?.self) ?? "application/json",
                        HTTPField.Name("Idempotent-Replayed")!: "true",
                    ],
                    body: .init(byteBuffer: ByteBuffer(string: try Sealed.open(try row.decode(column: "body", as: String?.self), .idempotency) ?? ""))
                )
            }
            guard ContinuousClock.now < deadline else {
                throw Problem(
                    status: 409, code: "conflict", title: "Request in progress",
                    detail: "The first request with this Idempotency-Key is still running; retry shortly.")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Inserts the key as "in progress"; false when it is already there (and still fresh).
    private func claim(owner: String, key: String, hash: String) async throws -> Bool {
        let now = clock.now()
        let expired = Clock.millis(now.addingTimeInterval(-Self.lifetime))
        let abandoned = Clock.millis(now.addingTimeInterval(-Self.abandonedAfter))
        return try await database.transaction { db in
            try await db.raw(
                """
                DELETE FROM idempotency_keys WHERE owner = \(bind: owner) AND key = \(bind: key)
                  AND (created_at < \(bind: expired) OR (status IS NULL AND created_at < \(bind: abandoned)))
                """
            ).run()
            return try await db.raw(
                """
                INSERT INTO idempotency_keys (owner, key, request_hash, created_at)
                VALUES (\(bind: owner), \(bind: key), \(bind: hash), \(bind: Clock.millis(now)))
                ON CONFLICT (owner, key) DO NOTHING RETURNING key
                """
            ).first() != nil
        }
    }

    private func runAndStore(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response,
        owner: String, key: String
    ) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            guard let problem = ProblemMapping.problem(for: error), problem.status < 500 else {
                try? await release(owner: owner, key: key)
                throw error
            }
            response = ProblemMiddleware<Context>.response(for: problem)
        }
        guard response.status.code < 500 else {
            try? await release(owner: owner, key: key)
            return response
        }
        if response.headers[.contentType]?.hasPrefix("text/event-stream") == true {
            return streamAndStore(response, owner: owner, key: key)
        }
        let collected = try await BodyCollector.collect(response.body)
        var stored = response
        stored.body = .init(byteBuffer: collected)
        try await store(response, body: collected, owner: owner, key: key)
        return stored
    }

    /// A stream (server-sent events) is sent as it is written and stored once whole, so that a retry replays it.
    /// When the client goes away mid-stream the rest is still made and stored: the retry replays the turn instead of
    /// taking it a second time.
    private func streamAndStore(_ response: Response, owner: String, key: String) -> Response {
        var streamed = response
        let body = response.body
        streamed.body = ResponseBody { writer in
            let tee = TeeBodyWriter(writer)
            try await body.write(tee)
            try await store(response, body: tee.copy.buffer, owner: owner, key: key)
            if let lost = tee.lost { throw lost }
            try await tee.downstream.finish(nil)
        }
        return streamed
    }

    private func store(_ response: Response, body: ByteBuffer, owner: String, key: String) async throws {
        try await database.write(
            """
            UPDATE idempotency_keys SET status = \(bind: Int(response.status.code)),
              content_type = \(bind: response.headers[.contentType]), body = \(bind: try database.seal(String(buffer: body), .idempotency))
            WHERE owner = \(bind: owner) AND key = \(bind: key)
            """)
    }

    private func release(owner: String, key: String) async throws {
        try await database.write("DELETE FROM idempotency_keys WHERE owner = \(bind: owner) AND key = \(bind: key)")
    }
}
