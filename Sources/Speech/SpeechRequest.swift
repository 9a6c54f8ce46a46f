/// The languages the companion speaks.
public enum SpeechLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// A guess for text sent without a language: Chinese when it holds any Han character.
    public static func guess(for text: String) -> SpeechLanguage {
        text.unicodeScalars.contains { $0.properties.isIdeographic } ? .zh : .en
    }
}

/// The avatar's voices.
public enum SpeechVoice: String, Sendable, CaseIterable {
    case female, male

    /// The espeak-ng voice name. Mandarin uses `cmn-latn-pinyin`: Debian's plain `cmn` reads many characters as
    /// pinyin spelled in English.
    func espeakName(for language: SpeechLanguage) -> String {
        let base = language == .zh ? "cmn-latn-pinyin" : "en-us"
        return self == .female ? base + "+f3" : base
    }
}

/// The audio container and codec of a synthesis.
public enum SpeechFormat: String, Sendable, CaseIterable {
    /// RIFF WAVE, 16-bit PCM, mono: lossless, large.
    case wav
    /// MPEG-1/2 Layer III through libmp3lame: plays everywhere.
    case mp3
    /// Opus in Ogg through libopusenc: smallest, Android and the web.
    case opus

    /// The media type served with the audio.
    public var mediaType: String {
        switch self {
        case .wav: "audio/wav"
        case .mp3: "audio/mpeg"
        case .opus: "audio/ogg; codecs=opus"
        }
    }
}

/// One thing to say, as a client asks for it. `rate` and `pitch` are multiples of the voice's normal (1.0).
public struct SpeechRequest: Sendable, Hashable {
    /// The most characters one request may speak.
    public static let maximumCharacters = 2_000
    public static let rateRange: ClosedRange<Double> = 0.5...2.0
    public static let pitchRange: ClosedRange<Double> = 0.5...1.5
    /// Rate and pitch are kept to steps of this size, so that 0.50001 is 0.5 and asks the cache for the same audio.
    public static let step = 0.05
    /// The most characters one request may make the synthesiser say once read out, divided by the rate (about
    /// eight minutes of speech at the normal rate): a text of digits spelled out slowly must not occupy the voice.
    public static let maximumSpokenCharacters = 8_000

    public var text: String
    public var language: SpeechLanguage
    public var voice: SpeechVoice
    public var format: SpeechFormat
    public var rate: Double
    public var pitch: Double

    /// Checks the request: the text is not empty and not too long, rate and pitch are in range.
    public init(
        text: String, language: SpeechLanguage? = nil, voice: SpeechVoice = .female, format: SpeechFormat = .mp3,
        rate: Double = 1, pitch: Double = 1
    ) throws(SpeechError) {
        guard text.count <= Self.maximumCharacters else { throw .textTooLong(limit: Self.maximumCharacters) }
        guard text.contains(where: { !$0.isWhitespace }) else { throw .emptyText }
        guard Self.rateRange.contains(rate) else { throw .outOfRange(field: "rate", range: Self.rateRange) }
        guard Self.pitchRange.contains(pitch) else { throw .outOfRange(field: "pitch", range: Self.pitchRange) }
        self.text = text
        self.language = language ?? SpeechLanguage.guess(for: text)
        self.voice = voice
        self.format = format
        self.rate = Self.quantised(rate)
        self.pitch = Self.quantised(pitch)
    }

    static func quantised(_ value: Double) -> Double { (value / step).rounded() * step }

    /// Whether `spoken` (the text as the synthesiser will read it) is within the budget at this request's rate.
    func fitsBudget(spokenCharacters: Int) -> Bool { Double(spokenCharacters) / rate <= Double(Self.maximumSpokenCharacters) }

    /// espeak-ng's words per minute for this rate. Its normal is 175; Mandarin sounds hurried there, so it starts
    /// a little slower.
    var wordsPerMinute: Int {
        let normal = language == .zh ? 160.0 : 175.0
        return Int((normal * rate).rounded()).clamped(to: 80...450)
    }

    /// espeak-ng's pitch (0–100, normal 50).
    var espeakPitch: Int { Int((50 * pitch).rounded()).clamped(to: 0...100) }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}

/// Reads a named choice (a language, voice or format) as a client or the command line writes it.
public enum SpeechChoice {
    /// The choice, or nil when left out; an unknown name is refused, listing what exists.
    public static func parse<Value: RawRepresentable & CaseIterable>(
        _ raw: String?, field: String
    ) throws(SpeechError) -> Value? where Value.RawValue == String {
        guard let raw else { return nil }
        guard let value = Value(rawValue: raw) else { throw .unsupported(field: field, allowed: Value.allCases.map(\.rawValue)) }
        return value
    }
}
