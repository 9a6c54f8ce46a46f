/// A word as the avatar shows it while speaking: the stretch of the original text (UTF-16 offsets, as JavaScript,
/// Kotlin and Swift strings count) and when it is said.
public struct WordMark: Sendable, Codable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var startMs: Int
    public var endMs: Int
}

/// A mouth shape (`Viseme` id) from a moment of the audio until the next mark.
public struct VisemeMark: Sendable, Codable, Equatable {
    public var id: Int
    public var startMs: Int
}

/// Synthesised speech as a client receives it: where the audio is (its cache key), what it is, and its timings.
public struct SpeechResult: Sendable, Codable, Equatable {
    /// Content address of the audio: the same text, voice, rate, pitch, format and engine give the same key.
    public var key: String
    public var format: String
    public var durationMs: Int
    public var sampleRate: Int
    public var byteCount: Int
    public var words: [WordMark]
    public var visemes: [VisemeMark]
}
