import HTTPTypes
import Hummingbird
import NIOCore

/// Gathers a response body in memory so it can be stored and sent.
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    // Written by one response at a time, then read after `write` returns.
    var buffer = ByteBuffer()
    func write(_ part: ByteBuffer) async throws { var part = part; buffer.writeBuffer(&part) }
    func write(contentsOf parts: some Sequence<ByteBuffer>) async throws { for part in parts { try await write(part) } }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}

    /// The whole of `body`, written out into one buffer.
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(collector)
        return collector.buffer
    }
}
