/// Something the transcript says that a draft leaves out, shown beside the draft for the doctor.
public struct Omission: Sendable, Codable, Equatable {
    /// What kind of fact was left out.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A symptom or finding, present or denied.
        case finding
        /// A past or long-standing illness, or a medicine taken for it.
        case history
        /// An allergy or its denial.
        case allergy
        /// A vital sign or examination finding.
        case exam
        /// A test ordered.
        case order
        /// A medicine advised or prescribed, with its dose when one was said.
        case medicine
        /// The diagnosis the doctor named.
        case diagnosis
    }

    public var kind: Kind
    /// The fact as the record would write it (无发热, 高血压, amoxicillin 500 mg twice a day).
    public var text: String
    public var evidence: [EvidenceSpan]

    public init(kind: Kind, text: String, evidence: [EvidenceSpan]) {
        self.kind = kind
        self.text = text
        self.evidence = evidence
    }
}
