import CEspeakNG
import Foundation
import NIOCore
import NIOPosix

/// A word espeak-ng reported while speaking: where it starts in the spoken text (0-based, in Unicode scalars),
/// how many scalars long it is, and when it starts in the audio.
public struct SpokenWordEvent: Sendable, Equatable {
    public var position: Int
    public var length: Int
    public var startMs: Int
}

/// A phoneme espeak-ng reported, by its mnemonic (`n`, `i`, `Au`, `tS;`, `_|`), and when it starts in the audio.
public struct PhonemeEvent: Sendable, Equatable {
    public var name: String
    public var startMs: Int
}

/// Raw synthesised speech: 16-bit mono samples and the events espeak-ng reported while producing them.
public struct Synthesis: Sendable {
    public var samples: [Int16]
    public var sampleRate: Int
    public var words: [SpokenWordEvent]
    public var phonemes: [PhonemeEvent]

    public var durationMs: Int { sampleRate == 0 ? 0 : samples.count * 1000 / sampleRate }
}

/// The one owner of libespeak-ng's process-wide state. espeak-ng is a C library with global state that may be
/// initialised once per process, so there is exactly one engine (`shared`), an actor whose jobs run on a thread of
/// its own: a synthesis blocks that thread for a few milliseconds, never a thread of the shared cooperative pool.
public actor EspeakEngine {
    /// The engine of this process.
    public static let shared = EspeakEngine()

    /// espeak-ng's version string, part of every cache key: a new engine may say things differently.
    public nonisolated let version: String

    private nonisolated let thread: MultiThreadedEventLoopGroup
    private nonisolated let loop: any EventLoop
    private var sampleRate = 0

    public nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }

    private init() {
        thread = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        loop = thread.next()
        var path: UnsafePointer<CChar>?
        version = String(cString: espeak_Info(&path))
    }

    /// Initialises espeak-ng if needed; the first synthesis does it too, so this only moves that cost to start-up.
    public func warmUp() throws(SpeechError) {
        try initialiseIfNeeded()
    }

    /// Speaks `text` (UTF-8, already normalised for speech) with an espeak-ng voice name such as
    /// `cmn-latn-pinyin+f3`, a rate in words per minute and a pitch from 0 to 100.
    public func synthesize(_ text: String, voice: String, rate: Int, pitch: Int) throws(SpeechError) -> Synthesis {
        try initialiseIfNeeded()
        try select(voice: voice, rate: rate, pitch: pitch)
        let sink = SynthesisSink()
        activeSink = sink
        defer { activeSink = nil }
        let status = speak(text)
        guard status == EE_OK else { throw .engineFailed("espeak_Synth returned \(status.rawValue)") }
        return Synthesis(samples: sink.samples, sampleRate: sampleRate, words: sink.words, phonemes: sink.phonemes)
    }

    /// The phoneme trace espeak-ng writes for `text` (what `espeak-ng -x` prints): `(en)` in it means the voice
    /// switched to English for a stretch of the text.
    public func phonemeTrace(_ text: String, voice: String) throws(SpeechError) -> String {
        try initialiseIfNeeded()
        try select(voice: voice, rate: Int(espeakRATE_NORMAL), pitch: 50)
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { throw .engineFailed("open_memstream failed") }
        espeak_SetPhonemeTrace(espeakPHONEMES_SHOW, stream)
        let sink = SynthesisSink()
        activeSink = sink
        _ = speak(text)
        activeSink = nil
        espeak_SetPhonemeTrace(0, nil)
        fclose(stream)
        defer { free(buffer) }
        return buffer.map { String(cString: $0) } ?? ""
    }

    /// One synchronous synthesis of UTF-8 text; the callback receives what it produces.
    private func speak(_ text: String) -> espeak_ERROR {
        text.withCString { pointer in
            espeak_Synth(pointer, strlen(pointer) + 1, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil, nil)
        }
    }

    private func initialiseIfNeeded() throws(SpeechError) {
        guard sampleRate == 0 else { return }
        let options = Int32(espeakINITIALIZE_PHONEME_EVENTS) | Int32(espeakINITIALIZE_DONT_EXIT)
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nil, options)
        guard rate > 0 else { throw .engineFailed("espeak_Initialize returned \(rate): is espeak-ng-data installed?") }
        espeak_SetSynthCallback(receiveSynthesis)
        sampleRate = Int(rate)
    }

    private func select(voice: String, rate: Int, pitch: Int) throws(SpeechError) {
        // Selecting the voice again resets rate and pitch to its defaults, so every synthesis starts from the same
        // state; without it a parameter set for one request showed up part-way through the next.
        let status = espeak_SetVoiceByName(voice)
        guard status == EE_OK else { throw .engineFailed("espeak-ng has no voice \(voice)") }
        espeak_SetParameter(espeakRATE, Int32(rate), 0)
        espeak_SetParameter(espeakPITCH, Int32(pitch), 0)
    }
}

/// Where the C callback puts what espeak-ng produces during one `espeak_Synth` call.
private final class SynthesisSink {
    var samples: [Int16] = []
    var words: [SpokenWordEvent] = []
    var phonemes: [PhonemeEvent] = []
}

// Only read and written on the engine's thread, inside a synthesis: espeak-ng calls back synchronously from
// espeak_Synth, and not every call carries events with user data, so the callback finds its sink here.
nonisolated(unsafe) private var activeSink: SynthesisSink?

private func receiveSynthesis(
    _ wave: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 {
    guard let sink = activeSink else { return 0 }
    if let wave, count > 0 {
        sink.samples.append(contentsOf: UnsafeBufferPointer(start: wave, count: Int(count)))
    }
    var event = events
    while let current = event?.pointee, current.type != espeakEVENT_LIST_TERMINATED {
        switch current.type {
        case espeakEVENT_WORD:
            sink.words.append(
                SpokenWordEvent(
                    position: max(0, Int(current.text_position) - 1), length: Int(current.length),
                    startMs: Int(current.audio_position)))
        case espeakEVENT_PHONEME:
            let name = withUnsafeBytes(of: current.id.string) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            sink.phonemes.append(PhonemeEvent(name: name, startMs: Int(current.audio_position)))
        default:
            break
        }
        event = event.map { $0 + 1 }
    }
    return 0
}
