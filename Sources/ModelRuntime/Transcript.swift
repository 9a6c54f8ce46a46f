/// Who said a turn of a consultation.
public enum Speaker: String, Sendable, Codable, CaseIterable {
    case doctor, patient, other
    /// What the companion learned before the visit, written by the server when the encounter opens; patient-reported.
    case previsit
}

/// One turn of a consultation transcript.
public struct TranscriptTurn: Sendable, Codable, Equatable {
    public var speaker: Speaker
    public var text: String
    public var startMs: Int?
    public var endMs: Int?

    public init(speaker: Speaker, text: String, startMs: Int? = nil, endMs: Int? = nil) {
        self.speaker = speaker
        self.text = text
        self.startMs = startMs
        self.endMs = endMs
    }
}
