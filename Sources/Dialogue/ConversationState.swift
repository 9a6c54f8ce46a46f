import Foundation
import Wording
/// Where a conversation is, stored after every turn so it survives a restart and moves between devices.
public struct ConversationState: Sendable, Codable, Equatable {
    public enum Stage: String, Sendable, Codable {
        case smalltalk, triage, booking, confirming, booked, visit, followup, emergency, handoff
    }

    public var stage: Stage = .smalltalk
    public var language: Language
    public var patientId: String?
    /// The hospital the conversation is with (nil in conversations begun before there could be several: any).
    public var hospitalId: String?
    public var facts = Facts()
    /// Follow-up questions already asked (at most three per complaint).
    public var asked: [String] = []
    public var triage: TriageResult?
    /// Turns in a row the companion did not understand; two lead to a person.
    public var misunderstood = 0
    /// Slots offered last, in the order shown (第一个 is the first).
    public var offers: [SlotOption] = []
    /// The slot picked and waiting for confirmation.
    public var chosen: SlotOption?
    /// What an explicit "yes" will do now.
    public var pending: Pending?
    /// The appointment the conversation is about (booked here, or today's at the hospital).
    public var visit: Visit?
    /// The day and period asked for, kept while slots are discussed.
    public var askedDay: Int?
    public var askedPeriod: String?
    /// Doctors the patient asked to avoid ("还有别的医生吗").
    public var excludedDoctors: [String] = []
    /// Days a rule rules out (the patient already has an appointment in that department that day).
    public var avoidDates: [String] = []
    /// The places still to go after the consultation, in order (`payment`, `laboratory`, `pharmacy` …).
    public var nextSteps: [String] = []

    /// Something that changes data, done only after an explicit yes.
    public enum Pending: String, Sendable, Codable {
        case book, cancel, reschedule, choosePatient = "choose_patient"
    }

    public init(language: Language, patientId: String? = nil) {
        self.language = language
        self.patientId = patientId
    }
}

/// What the companion says back: text, quick replies, cards and actions (../shared/API.md), in the patient's
/// language.
public struct Reply: Sendable, Codable, Equatable {
    public var text: String
    public var stage: ConversationState.Stage
    public var language: Language
    public var quickReplies: [String] = []
    public var cards: [Card] = []
    public var actions: [Action] = []
    public var triage: TriageSummary?
    /// Which engine understood the message this replies to (`Utterance.understoodBy`); kept with the stored turn for
    /// audit, not sent to the app.
    public var understoodBy: String?
}

/// Something the phone draws: `emergency` (call 120, where the emergency department is), `directions` (a place in
/// the hospital), `faq` (an answer from the hospital's knowledge), `slots` (times to pick from), `appointment` (what
/// was booked, with preparation notes).
public struct Card: Sendable, Codable, Equatable {
    public var type: String
    public var title: String
    public var text: String?
    public var phone: String?
    public var place: Place?
    public var faqId: String?
    /// For `slots`: the times offered, in order.
    public var slots: [SlotOption]?
    /// For `appointment`: the appointment booked.
    public var appointmentId: String?
}

/// A place in the hospital, as the patient should look for it.
public struct Place: Sendable, Codable, Equatable {
    public var name: String
    public var building: String
    public var floor: String
    public var zone: String
    public var room: String

    public init(name: String, building: String, floor: String, zone: String, room: String) {
        self.name = name
        self.building = building
        self.floor = floor
        self.zone = zone
        self.room = room
    }
}

/// Something that happened because of the turn, for the phone to act on (`emergency_advised`, `handoff_requested`).
public struct Action: Sendable, Codable, Equatable {
    public var type: String
    public var appointmentId: String?
}

/// The triage part of a reply.
public struct TriageSummary: Sendable, Codable, Equatable {
    public var level: TriageResult.Level
    public var departmentId: String
    public var departmentName: String
    public var redFlags: [String]
    public var reason: String
}

/// What the conversation needs to know about the hospital, answered by the directory.
public protocol HospitalGuide: Sendable {
    /// A department's name (in the language) and where its clinic is.
    func department(id: String, language: Language) async throws -> (name: String, place: Place)?
    /// The place of a kind (`pharmacy`, `payment`, `laboratory`, `radiology`, `ultrasound`, `registration`,
    /// `emergency`) in the hospital (the first hospital that has one when `hospitalId` is nil).
    func place(kind: String, hospitalId: String?, language: Language) async throws -> Place?
    /// The hospital's department for each specialty (the clinical knowledge's ids, e.g. `cardiology`), the knowledge's
    /// fallbacks included; every hospital's departments when `hospitalId` is nil.
    func departmentsBySpecialty(hospitalId: String?) async throws -> [String: String]
    /// The message catalog with the hospital's own wording (the shipped catalog when it has none).
    func wording(hospitalId: String?) async throws -> MessageCatalog
    /// The answers to common questions at the hospital: the general ones and its own.
    func knowledge(hospitalId: String?) async throws -> KnowledgeBase
    /// The hospital's time zone: its dates and clock times.
    func timeZone(hospitalId: String?) async throws -> TimeZone
    /// The hospital's name and departments, for a model's instructions; nil when there is none to name.
    func context(hospitalId: String?) async throws -> HospitalContext?
}

extension HospitalGuide {
    public func wording(hospitalId: String?) async throws -> MessageCatalog { .shipped }
    public func knowledge(hospitalId: String?) async throws -> KnowledgeBase { .general }
    public func timeZone(hospitalId: String?) async throws -> TimeZone { Phrases.chinaStandardTime }
    public func context(hospitalId: String?) async throws -> HospitalContext? { nil }
}
