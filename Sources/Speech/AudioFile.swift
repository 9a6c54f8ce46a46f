import Foundation

/// Cached audio opened for reading. The open file keeps its bytes even when the cache evicts or expires the entry
/// while it is being sent, and it is read in chunks, so a response never holds the whole audio in memory. Sealed
/// audio is opened into memory instead (`SpeechSealing`).
public final class AudioFile: Sendable {
    /// The audio's size in bytes.
    public let byteCount: Int
    private let handle: FileHandle?
    private let bytes: Data

    init?(url: URL) {
        guard let handle = try? FileHandle(forReadingFrom: url), let end = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil
        else { return nil }
        self.handle = handle
        bytes = Data()
        byteCount = Int(end)
    }

    init(bytes: Data) {
        handle = nil
        self.bytes = bytes
        byteCount = bytes.count
    }

    /// The audio in chunks of at most `chunkSize` bytes, from the start; to be read once.
    public func chunks(of chunkSize: Int = 64 << 10) -> AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        guard let handle else {
            return AsyncThrowingStream { continuation in
                for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                    continuation.yield(ArraySlice(bytes[bytes.startIndex + start..<bytes.startIndex + min(start + chunkSize, bytes.count)]))
                }
                continuation.finish()
            }
        }
        return AsyncThrowingStream {
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
            return ArraySlice(data)
        }
    }

    /// The whole audio at once, for callers that need it in memory.
    public func readAll() async throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for try await chunk in chunks() { bytes.append(contentsOf: chunk) }
        return bytes
    }
}
