import Foundation
import Storage
import Wording

/// A hospital's configuration beside its directory (`*.settings.json` next to its FHIR bundle): its weekly clinic
/// schedule, from which doctor sessions are generated days ahead, its registration rules, its answers to common
/// questions and its own wording. See docs/hospitals.md.
public struct HospitalSettings: Sendable, Codable, Equatable {
    /// The weekly schedule: each template gives the doctors it selects a half-day clinic on its weekdays.
    public struct Schedule: Sendable, Codable, Equatable {
        /// Sessions are generated this many days ahead (1–60).
        public let daysAhead: Int
        /// Days the whole hospital's clinics are closed (`YYYY-MM-DD`): holidays.
        public let closures: [String]?
        public let templates: [SessionTemplate]
        /// The registration fee in yuan by the doctor's title; `defaultFee` for a title not listed.
        public let feesByTitle: [String: Double]?
        public let defaultFee: Double
    }

    /// Who holds a clinic when: the doctors with any of `titles`, in any of `departments`, or named in `doctors` (a
    /// list left out selects everyone), on `weekdays` (1 Monday … 7 Sunday).
    public struct SessionTemplate: Sendable, Codable, Equatable {
        public let titles: [String]?
        public let departments: [String]?
        public let doctors: [String]?
        public let weekdays: [Int]
        /// `morning`, `afternoon` or `evening`.
        public let period: String
        /// `HH:mm`, hospital time.
        public let start: String
        public let end: String
        public let slotMinutes: Int
        public let capacityPerSlot: Int

        func selects(_ doctor: Doctor) -> Bool {
            (titles?.contains(doctor.title) ?? true) && (departments?.contains(doctor.departmentId) ?? true)
                && (doctors?.contains(doctor.id) ?? true)
        }
    }

    public let schedule: Schedule?
    /// The hospital's registration rules; a rule left out is the server's (`companion serve` flags).
    public let registration: RegistrationRules?
    /// The hospital's answers to common questions, beside the shipped general ones (an entry with a shipped id
    /// replaces it).
    public let faq: [FAQEntry]?
    /// The hospital's own wording for entries of the message catalog (the assistant's name, its hotline …).
    public let wording: [MessageCatalog.Entry]?

    /// Reads and checks a settings file; a problem names its field.
    public static func read(_ data: Data) throws -> HospitalSettings {
        let settings = try JSONDecoder().decode(HospitalSettings.self, from: data)
        try settings.validate()
        return settings
    }

    public init(
        schedule: Schedule? = nil, registration: RegistrationRules? = nil, faq: [FAQEntry]? = nil, wording: [MessageCatalog.Entry]? = nil
    ) {
        self.schedule = schedule
        self.registration = registration
        self.faq = faq
        self.wording = wording
    }

    func validate() throws {
        var errors: [FieldError] = registration?.problems() ?? []
        var faqIds = Set<String>()
        for (i, entry) in (faq ?? []).enumerated() {
            if let problem = entry.problem { errors.append(FieldError("faq[\(i)]", problem)) }
            if !faqIds.insert(entry.id).inserted { errors.append(FieldError("faq[\(i)].id", "\(entry.id) is given twice")) }
        }
        if let wording {
            do { _ = try MessageCatalog.shipped.overriding(wording) } catch { errors.append(FieldError("wording", "\(error)")) }
        }
        guard let schedule else {
            if !errors.isEmpty { throw ValidationFailed(errors) }
            return
        }
        if !(1...60).contains(schedule.daysAhead) { errors.append(FieldError("schedule.daysAhead", "1–60 days")) }
        for (i, day) in (schedule.closures ?? []).enumerated() where CalendarDate(day) == nil {
            errors.append(FieldError("schedule.closures[\(i)]", "\(day) is not a date (YYYY-MM-DD)"))
        }
        if schedule.defaultFee < 0 || (schedule.feesByTitle ?? [:]).values.contains(where: { $0 < 0 || $0 > 100_000 }) {
            errors.append(FieldError("schedule.feesByTitle", "fees are 0–100000 yuan"))
        }
        for (i, t) in schedule.templates.enumerated() {
            let field = "schedule.templates[\(i)]"
            if t.weekdays.isEmpty || !t.weekdays.allSatisfy({ (1...7).contains($0) }) {
                errors.append(FieldError(field + ".weekdays", "1 (Monday)–7"))
            }
            if Period(rawValue: t.period) == nil { errors.append(FieldError(field + ".period", "morning, afternoon or evening")) }
            guard let start = Self.minutes(t.start), let end = Self.minutes(t.end), start < end else {
                errors.append(FieldError(field + ".start", "start and end are HH:mm with start before end"))
                continue
            }
            if !(5...240).contains(t.slotMinutes) { errors.append(FieldError(field + ".slotMinutes", "5–240")) }
            if !(1...100).contains(t.capacityPerSlot) { errors.append(FieldError(field + ".capacityPerSlot", "1–100")) }
        }
        if !errors.isEmpty { throw ValidationFailed(errors) }
    }

    /// The audit's summary: which parts the settings hold, with their sizes.
    public var auditSummary: String {
        var parts: [String] = []
        if let schedule { parts.append("schedule: \(schedule.templates.count) template(s), \(schedule.daysAhead) days ahead") }
        if registration != nil { parts.append("registration rules") }
        if let faq { parts.append("faq: \(faq.count) entr\(faq.count == 1 ? "y" : "ies")") }
        if let wording { parts.append("wording: " + wording.map(\.id).joined(separator: " ")) }
        return parts.isEmpty ? "empty settings" : parts.joined(separator: "; ")
    }

    static func minutes(_ time: String) -> Int? {
        let parts = time.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
