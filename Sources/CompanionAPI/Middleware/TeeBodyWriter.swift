import HTTPTypes
import Hummingbird
import NIOCore

/// Passes a response body on to the client as it is written and keeps a copy of all of it. When the client has gone
/// the copy is still made (the error is kept in `lost`); finishing the client's body is left to the owner, after it
/// has done what it needs with the copy.
final class TeeBodyWriter: ResponseBodyWriter, @unchecked Sendable {
    // Written by one response at a time, then read after the body's `write` returns.
    var downstream: any ResponseBodyWriter
    let copy = BodyCollector()
    private(set) var lost: (any Error)?

    init(_ downstream: any ResponseBodyWriter) { self.downstream = downstream }

    func write(_ part: ByteBuffer) async throws {
        try await copy.write(part)
        guard lost == nil else { return }
        do { try await downstream.write(part) } catch { lost = error }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
