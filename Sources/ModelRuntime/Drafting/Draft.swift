/// Where a statement comes from: a turn of the transcript (0-based) and a range of it in UTF-16 code units, the
/// unit JavaScript and the phone platforms index strings by.
public struct EvidenceSpan: Sendable, Codable, Hashable {
    public var turn: Int
    public var start: Int
    public var end: Int

    public init(turn: Int, start: Int, end: Int) {
        self.turn = turn
        self.start = start
        self.end = end
    }

    /// Whether the two spans share a character of the same turn.
    public func overlaps(_ other: EvidenceSpan) -> Bool {
        turn == other.turn && start < other.end && other.start < end
    }

    /// The quoted text, or nil when the span does not lie inside the transcript.
    public func quote(in transcript: [TranscriptTurn]) -> String? {
        guard transcript.indices.contains(turn), start >= 0, start < end else { return nil }
        let units = Array(transcript[turn].text.utf16)
        guard end <= units.count else { return nil }
        return String(decoding: units[start..<end], as: UTF16.self)
    }
}

/// What a reviewer should know about a statement.
public enum StatementFlag: String, Sendable, Codable, CaseIterable {
    /// Not found in the transcript: a model wrote it; check before signing.
    case unsupported
    /// Said with doubt (考虑, 可能, likely): keep it a working diagnosis.
    case uncertain
    /// The transcript both affirms and denies it.
    case negationConflict
    /// From what the patient told the companion before the visit, not from the consultation.
    case patientReported
}

/// One clinical statement of a section, with its evidence.
public struct DraftStatement: Sendable, Codable, Equatable {
    public var text: String
    public var evidence: [EvidenceSpan]
    public var flags: [StatementFlag]

    public init(text: String, evidence: [EvidenceSpan], flags: [StatementFlag] = []) {
        self.text = text
        self.evidence = evidence
        self.flags = flags
    }
}

/// A section of a record: its text as the doctor reads it and the statements it is made of.
public struct DraftSection: Sendable, Codable, Equatable {
    public var key: String
    public var title: String
    public var text: String
    public var statements: [DraftStatement]

    public init(key: String, title: String, text: String, statements: [DraftStatement]) {
        self.key = key
        self.title = title
        self.text = text
        self.statements = statements
    }
}

/// Which engine wrote a draft.
public struct EngineInfo: Sendable, Codable, Equatable {
    public var name: String
    public var model: String?
    public var version: String
    /// Why the model engine handed the draft to the built-in one (timeout, server error, malformed answer).
    public var fallbackReason: String?

    public init(name: String, model: String? = nil, version: String, fallbackReason: String? = nil) {
        self.name = name
        self.model = model
        self.version = version
        self.fallbackReason = fallbackReason
    }
}

/// A drafted record in one template.
public struct Draft: Sendable, Codable, Equatable {
    public var template: DraftTemplate
    public var engine: EngineInfo
    public var sections: [DraftSection]

    public init(template: DraftTemplate, engine: EngineInfo, sections: [DraftSection]) {
        self.template = template
        self.engine = engine
        self.sections = sections
    }

    /// The section with this key.
    public func section(_ key: String) -> DraftSection? { sections.first { $0.key == key } }

    /// Every evidence span that does not lie inside the transcript; empty for a sound draft.
    public func invalidEvidence(in transcript: [TranscriptTurn]) -> [EvidenceSpan] {
        sections.flatMap(\.statements).flatMap(\.evidence).filter { $0.quote(in: transcript) == nil }
    }

    /// Statements without any evidence.
    public var statementsWithoutEvidence: [DraftStatement] {
        sections.flatMap(\.statements).filter(\.evidence.isEmpty)
    }
}
