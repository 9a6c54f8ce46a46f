/// What the companion understood from one message.
public struct Utterance: Sendable, Equatable {
    /// What the patient wants from this message.
    public enum Intent: String, Sendable, Codable {
        case greeting, thanks, affirm, deny, change, handoff
        case book, cancel, reschedule, otherDoctor, arrived, queueStatus, directions, reportTime
        case question, statement
    }

    public var language: Language
    public var intent: Intent
    /// Symptoms said to be present, in the order first said.
    public var symptoms: [String] = []
    /// Symptoms said to be absent (没有发烧, denies chest pain).
    public var negated: [String] = []
    public var durationDays: Double?
    /// Body temperature in ℃ (Fahrenheit is converted).
    public var temperature: Double?
    /// Age of the person who is ill, in years (6 weeks old → 0.115).
    public var ageYears: Double?
    public var isChild = false
    public var isElderly = false
    public var isSevere = false
    public var isSudden = false
    /// The day asked about, counted from today (明天 → 1), and the part of the day.
    public var daysFromToday: Int?
    public var period: String?
    /// "第二个" → 1 (0-based); a clock time picked ("the 10:30 one") as "10:30".
    public var choiceIndex: Int?
    public var choiceTime: String?
    /// The kind of place asked for (`pharmacy`, `payment`, `laboratory`, `radiology`, `ultrasound`, `registration`,
    /// `emergency`).
    public var placeKind: String?

    public init(language: Language, intent: Intent) {
        self.language = language
        self.intent = intent
    }
}
