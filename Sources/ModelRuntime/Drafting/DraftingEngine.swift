/// What a drafting engine is asked for.
public struct DraftRequest: Sendable {
    public var transcript: [TranscriptTurn]
    public var template: DraftTemplate
    /// Names known to belong to the people of the consultation (patient, doctor), hidden from a remote model.
    public var knownNames: [String]

    public init(transcript: [TranscriptTurn], template: DraftTemplate, knownNames: [String] = []) {
        self.transcript = transcript
        self.template = template
        self.knownNames = knownNames
    }
}

/// Writes a record draft from a consultation. Every statement it returns carries evidence in the transcript or the
/// flag `unsupported`.
public protocol DraftingEngine: Sendable {
    /// Name, model and version, recorded with every draft.
    var info: EngineInfo { get }
    func draft(_ request: DraftRequest) async throws -> Draft
}
