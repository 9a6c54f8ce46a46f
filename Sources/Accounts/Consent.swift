import Foundation

/// What a patient may agree to separately (PIPL art. 29): each gates one kind of processing of health information.
public enum ConsentPurpose: String, Sendable, CaseIterable, Codable {
    /// The companion reads what the patient says about their health.
    case healthConversation = "health_conversation"
    /// The doctor's consultation is transcribed into the encounter.
    case consultationRecording = "consultation_recording"
    /// A draft record is written from the transcript.
    case recordDrafting = "record_drafting"
}

/// Who gave a decision: the account holder for themself, a guardian for a profile under 14, or the account holder
/// for an adult profile they manage (a relative typing for a parent).
public enum ConsentGrantor: String, Sendable {
    case patient, guardian, representative
}

/// One decision in the consent ledger: granted or withdrawn, on which version of the text, by whom, when.
public struct ConsentDecision: Sendable, Equatable {
    public let purpose: ConsentPurpose
    /// The profile it is for; nil for the account holder (which covers the adult profiles they manage).
    public let patientId: String?
    public let granted: Bool
    public let textVersion: String
    public let grantor: ConsentGrantor
    public let at: Date
}
