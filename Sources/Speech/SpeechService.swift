import Crypto
import Foundation
import ServiceLifecycle

/// Speech for the companion: normalises, synthesises, encodes and caches. Run it as a service so the engine is
/// ready before the first request.
public final class SpeechService: Service, Sendable {
    /// Changes when normalisation or encoding changes what is said or how it is stored, so old cache entries are
    /// not served for new requests.
    public static let pipelineVersion = "speech-1"

    public let cache: SpeechCache
    private let engine: EspeakEngine
    private let normalizer = SpeechNormalizer()

    public init(cache: SpeechCache, engine: EspeakEngine = .shared) {
        self.cache = cache
        self.engine = engine
    }

    /// The speech for a request: from the cache when it was made before, else made now and kept.
    public func speak(_ request: SpeechRequest) async throws(SpeechError) -> SpeechResult {
        try await speakSayingIfMade(request).result
    }

    /// Speaks a request, saying whether its audio was made now (false: it came from the cache).
    public func speakSayingIfMade(_ request: SpeechRequest) async throws(SpeechError) -> (result: SpeechResult, made: Bool) {
        let key = try cacheKey(for: request)
        if let cached = await cache.result(for: key) { return (cached, false) }
        let (result, audio) = try await make(request, key: key)
        try await cache.store(audio, result: result)
        return (result, true)
    }

    /// Makes the speech for a request without looking in or writing to the cache.
    public func make(_ request: SpeechRequest) async throws(SpeechError) -> (SpeechResult, [UInt8]) {
        try await make(request, key: try cacheKey(for: request))
    }

    private func make(_ request: SpeechRequest, key: String) async throws(SpeechError) -> (SpeechResult, [UInt8]) {
        let spoken = normalizer.normalize(request.text, language: request.language)
        guard !spoken.isSilent else { throw .emptyText }
        guard request.fitsBudget(spokenCharacters: spoken.text.count) else { throw .spokenTooLong(limit: SpeechRequest.maximumSpokenCharacters) }
        let synthesis = try await engine.synthesize(
            spoken.text, voice: request.voice.espeakName(for: request.language), rate: request.wordsPerMinute,
            pitch: request.espeakPitch)
        let audio = try AudioEncoder.encode(synthesis.samples, sampleRate: synthesis.sampleRate, as: request.format)
        let result = SpeechResult(
            key: key, format: request.format.rawValue, durationMs: synthesis.durationMs, sampleRate: synthesis.sampleRate,
            byteCount: audio.count, words: SpeechTimings.words(synthesis, spoken: spoken, original: request.text),
            visemes: SpeechTimings.visemes(synthesis, language: request.language))
        return (result, audio)
    }

    /// The audio behind a key from `speak`, while the cache keeps it.
    public func audio(key: String) async -> SpeechCache.Audio? {
        guard Self.isWellFormedKey(key) else { return nil }
        return await cache.audio(for: key)
    }

    /// Keys are 32 lowercase hex digits; anything else is not looked up (and never reaches the file system).
    public static func isWellFormedKey(_ key: String) -> Bool {
        key.utf8.count == 32 && key.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    public func run() async throws {
        try await engine.warmUp()
        try? await gracefulShutdown()
    }

    /// The content address of a request: keyed when the cache is sealed, so a file name confirms no guess at the text.
    func cacheKey(for request: SpeechRequest) throws(SpeechError) -> String {
        let identity = [
            Self.pipelineVersion, engine.version, request.language.rawValue, request.voice.rawValue,
            String(request.rate), String(request.pitch), request.format.rawValue, request.text,
        ].joined(separator: "\u{1F}")
        if let sealing = cache.sealing {
            do {
                return String(try sealing.digest(Data(identity.utf8)).prefix(32))
            } catch {
                throw .engineFailed("speech cache key: \(error)")
            }
        }
        return SHA256.hash(data: Data(identity.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
