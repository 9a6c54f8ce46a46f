import Foundation

/// How the speech cache keeps what was said unreadable on disk: its files sealed, and their names keyed digests, so
/// neither the audio, nor its marks, nor a guess at the sentence can be checked without the server's keys.
public struct SpeechSealing: Sendable {
    /// Seals a file's content.
    public let seal: @Sendable (Data) throws -> Data
    /// Opens what `seal` made.
    public let open: @Sendable (Data) throws -> Data
    /// A keyed digest of a request's identity, hex (at least 32 digits).
    public let digest: @Sendable (Data) throws -> String

    public init(
        seal: @escaping @Sendable (Data) throws -> Data, open: @escaping @Sendable (Data) throws -> Data,
        digest: @escaping @Sendable (Data) throws -> String
    ) {
        self.seal = seal
        self.open = open
        self.digest = digest
    }
}
