/// What the companion understood from one message.
public struct Utterance: Sendable, Equatable {
    /// What the patient wants from this message.
    public enum Intent: String, Sendable, Codable {
        case greeting, thanks, affirm, deny, change, handoff
        case book, cancel, reschedule, otherDoctor, otherDepartment, arrived, queueStatus, directions, reportTime
        case question, statement
    }

    public var language: Language
    public var intent: Intent
    /// What this message says about the complaint: symptoms present and absent, duration, temperature, age, who
    /// is ill, severity; the conversation merges it into what it knew.
    public var facts = Facts()
    /// The day asked about, counted from today (明天 → 1), and the part of the day.
    public var daysFromToday: Int?
    public var period: String?
    /// "第二个" → 1 (0-based); a clock time picked ("the 10:30 one") as "10:30".
    public var choiceIndex: Int?
    public var choiceTime: String?
    /// The kind of place asked for (`pharmacy`, `payment`, `laboratory`, `radiology`, `ultrasound`, `registration`,
    /// `emergency`).
    public var placeKind: String?
    /// Which engine understood the message: `builtin`, `model <name> prompt <version>`, or the built-in engine when the
    /// model's answer could not be used (`builtin (model fell back: timed out)`); stored with the turn's reply.
    public var understoodBy = "builtin"

    public init(language: Language, intent: Intent) {
        self.language = language
        self.intent = intent
    }
}
