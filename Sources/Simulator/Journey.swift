import Foundation
import Yams

/// A patient journey: who the patient is, then what they say and what the companion must answer. Read from YAML
/// (`fixtures/journeys/*.yaml`; the format is in the README).
public struct Journey: Decodable, Sendable {
    public struct Persona: Decodable, Sendable {
        public struct Patient: Decodable, Sendable {
            public let name: String
            public let gender: String
            public let birthDate: String
        }

        /// A staff account for doctor steps (created by the in-process server; must exist on a `--server`).
        public struct Staff: Decodable, Sendable {
            public let username: String
            public let password: String
            /// The doctor of the directory this account is (for the in-process server to create it).
            public let doctorId: String?
        }

        public let phone: String
        public let patients: [Patient]?
        public let doctor: Staff?
        /// An administrator for session steps (created by the in-process server; must exist on a `--server`).
        public let admin: Staff?
    }

    /// What a reply must show; every field given is checked.
    public struct Expectation: Decodable, Sendable {
        public let stage: String?
        public let level: String?
        public let department: String?
        public let card: String?
        public let action: String?
        public let textContains: String?
        /// The reply is spoken: audio that can be fetched, word marks and visemes.
        public let speech: Bool?
        /// An API step's result: appointment status (booked, cancelled, checked_in…) or record status (draft, signed).
        public let status: String?
        /// The problem code an API step must be refused with (slot_full, not_released, past_cutoff…).
        public let problem: String?
        /// The queue number check-in gives, or the queue status shows.
        public let queueNumber: Int?
        /// Draft sections (by key) and text each must contain.
        public let sections: [String: String]?
    }

    /// Book directly through the API: the department by its name, the first day from `day` days after today
    /// (hospital time) on which it has slots (the demo hospital rests on Sundays).
    public struct Booking: Decodable, Sendable {
        /// The department by name; not needed when booking a `hold`.
        public let department: String?
        public let day: Int?
        /// Book the place this hold keeps (a waitlist offer: `${offer}`).
        public let hold: String?
        /// Only this doctor's slots (a directory id such as doc_pediatrics_1).
        public let doctor: String?
        public let period: String?
        /// Which of the open slots, counting from 1 (default: the first with a place).
        public let slot: Int?
        /// The patient profile by name (default: the persona's first).
        public let patient: String?
    }

    /// Move the dev server's clock to a time of a day, hospital time: `day` days from today, or the day of a booking
    /// step's saved name (`dayOf: appointment`), less `daysBefore` (7 before it at 08:00 is its release minute).
    public struct ClockJump: Decodable, Sendable {
        public let day: Int?
        public let dayOf: String?
        public let daysBefore: Int?
        public let time: String
    }

    /// An admin opens a doctor session (half-hour slots) on a day from today.
    public struct SessionPlan: Decodable, Sendable {
        public let doctor: String
        public let day: Int
        public let period: String
        public let start: String
        public let end: String
        public let capacity: Int
    }

    /// Join the waitlist of a department (or one doctor) for a day and period.
    public struct WaitlistRequest: Decodable, Sendable {
        public let department: String
        public let doctor: String?
        public let day: Int
        public let period: String
        public let patient: String?
    }

    public struct Line: Decodable, Sendable {
        public let speaker: String
        public let text: String
    }

    /// One step: exactly one of `say`, `book`, `cancel`, `checkIn`, `queue`, `clock`, `openEncounter`, `transcript`,
    /// `draft`, `sign`, `createSession`, `closeSession`, `waitlist`, `notification`. Ids made by a step are kept under a name (`appointment`, `encounter`, `draft`, or `save:`)
    /// and used later as `${name}`.
    public struct Step: Decodable, Sendable {
        public let say: String?
        /// Ask for the reply spoken in this format (mp3, opus, wav).
        public let speech: String?
        /// Read the reply as server-sent events, sentence by sentence, and check the stream against the contract.
        public let stream: Bool?
        public let book: Booking?
        public let cancel: String?
        public let checkIn: String?
        public let queue: String?
        public let clock: ClockJump?
        public let openEncounter: String?
        public let transcript: [Line]?
        /// A draft of `${encounter}` in this template (zh-outpatient, en-soap).
        public let draft: String?
        public let sign: String?
        public let createSession: SessionPlan?
        public let closeSession: String?
        public let waitlist: WaitlistRequest?
        /// The newest notification of this kind must be there (booking_confirmed, waitlist_offer, session_closed…).
        public let notification: String?
        public let save: String?
        public let expect: Expectation?

        /// How many actions the step names (a valid step names one).
        var actionCount: Int {
            [
                say != nil, book != nil, cancel != nil, checkIn != nil, queue != nil, clock != nil, openEncounter != nil, transcript != nil,
                draft != nil, sign != nil, createSession != nil, closeSession != nil, waitlist != nil, notification != nil,
            ].filter { $0 }.count
        }
    }

    public let name: String
    public let language: String?
    /// The hospital the journey is at (`hosp_demo` …): its conversations are with it and departments are found in it.
    /// May be left out on a server with one hospital.
    public let hospital: String?
    public let persona: Persona
    public let steps: [Step]

    /// Reads a journey file; a malformed one is refused with its line number.
    public static func load(_ url: URL) throws -> Journey {
        try parse(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }

    /// Reads a journey from YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> Journey {
        let url = URL(fileURLWithPath: file)
        do {
            let journey = try YAMLDecoder().decode(Journey.self, from: text)
            if let bad = journey.steps.firstIndex(where: { $0.say == nil && ($0.stream != nil || $0.speech != nil) }) {
                let context = DecodingError.Context(
                    codingPath: [CodingKeys.steps, StepIndex(intValue: bad)], debugDescription: "stream and speech belong to a say step")
                throw DecodingError.dataCorrupted(context)
            }
            if let bad = journey.steps.firstIndex(where: { $0.actionCount != 1 }) {
                let context = DecodingError.Context(
                    codingPath: [CodingKeys.steps, StepIndex(intValue: bad)],
                    debugDescription:
                        "a step needs exactly one action (say, book, cancel, checkIn, queue, clock, openEncounter, transcript, draft, sign, createSession, closeSession, waitlist, notification)"
                )
                throw DecodingError.dataCorrupted(context)
            }
            return journey
        } catch let error as YamlError {
            throw SimulatorError("\(url.lastPathComponent): \(error)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw SimulatorError("\(url.lastPathComponent): missing `\(key.stringValue)` at \(Self.path(context))\(Self.line(of: context, in: text))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            throw SimulatorError("\(url.lastPathComponent): \(context.debugDescription) at \(Self.path(context))\(Self.line(of: context, in: text))")
        }
    }

    private enum CodingKeys: String, CodingKey { case name, language, hospital, persona, steps }

    private struct StepIndex: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// The line of the step a decoding error is in: the step's `- ` line under `steps:`.
    private static func line(of context: DecodingError.Context, in text: String) -> String {
        guard context.codingPath.first?.stringValue == "steps", let step = context.codingPath.dropFirst().first?.intValue else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let steps = lines.firstIndex(where: { $0.hasPrefix("steps:") }) else { return "" }
        let stepLines = lines.enumerated().filter { $0.offset > steps && $0.element.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
        return step < stepLines.count ? " (line \(stepLines[step].offset + 1))" : ""
    }
}
