import Foundation
import SQLKit
import Storage
import Wording

/// Who asks Scheduling to do something; decides what they may see and change.
public enum Caller: Sendable, Equatable {
    case patient(accountId: String)
    case doctor(staffId: String, doctorId: String?)
    case admin(staffId: String)

    /// How the caller is written in appointment history.
    var historyName: String {
        switch self {
        case .patient(let id): return "patient:\(id)"
        case .doctor(let id, _): return "doctor:\(id)"
        case .admin(let id): return "admin:\(id)"
        }
    }
}

/// Registration (挂号): doctor sessions and slots, holds, appointments, the visit-day queue, the waitlist and
/// notifications. Every rule is checked inside one transaction that first locks what it counts (the slot, the
/// patient, the account), so concurrent requests on any number of instances cannot overbook or double-book.
public struct Registration: Sendable {
    let database: Database
    let clock: any NowProvider
    /// The server's rules; a hospital's settings may change them for its slots (`rules(forDepartment:on:)`).
    public let rules: SchedulingRules
    let termsBook: HospitalTermsBook
    /// The calendar of a hospital with no time zone of its own (Asia/Shanghai unless told).
    let calendar: HospitalCalendar
    /// The directory this registration reads doctors and departments from (one cached copy per instance).
    public let directory: Directory
    let sessionTerms = BoundedMemory<String, SessionTerms>()
    let slotRefusals = SlotRefusals()

    public init(
        database: Database, clock: any NowProvider, rules: SchedulingRules = SchedulingRules(),
        calendar: HospitalCalendar = .shanghai
    ) {
        self.database = database
        self.directory = Directory(database: database)
        self.clock = clock
        self.rules = rules
        self.termsBook = HospitalTermsBook(server: HospitalTerms(rules: rules, calendar: calendar))
        self.calendar = calendar
    }

    var engine: Database.Engine { database.engine }

    /// Drops the kept hospital rules and directory (after a hospital changed in this process): the next use reads them afresh.
    public func forgetHospitals() {
        termsBook.forget()
        directory.forgetSnapshot()
    }

    /// The rules for a department's slots: the server's, changed by its hospital's settings.
    func rules(forDepartment departmentId: String, on db: any SQLDatabase) async throws -> SchedulingRules {
        try await termsBook.terms(forDepartment: departmentId, on: db).rules
    }

    /// The calendar (time zone) of a department's hospital.
    func calendar(forDepartment departmentId: String, on db: any SQLDatabase) async throws -> HospitalCalendar {
        try await termsBook.terms(forDepartment: departmentId, on: db).calendar
    }

    /// The calendar (time zone) of a department's hospital: its dates and clock times.
    public func calendar(forDepartment departmentId: String) async throws -> HospitalCalendar {
        try await calendar(forDepartment: departmentId, on: database.sql)
    }

    /// The calendar of a hospital with no time zone of its own.
    public var serverCalendar: HospitalCalendar { calendar }

    /// A hospital's calendar (time zone).
    public func calendar(forHospital hospitalId: String) async throws -> HospitalCalendar {
        try await termsBook.terms(forHospital: hospitalId, on: database.sql).calendar
    }

    // MARK: shared steps inside a transaction

    /// Takes the locks for a set of keys in one global order, so two transactions never wait on each other.
    func lock(_ keys: [String], on db: any SQLDatabase) async throws {
        for key in Set(keys).sorted() { try await db.lock(key: key, engine: engine) }
    }

    func slot(_ id: String, now: Date, on db: any SQLDatabase) async throws -> Slot {
        guard let row = try await db.raw(SchedulingRows.slotSelect(now: now) + " WHERE s.id = \(bind: id)").first() else {
            throw NotFound("slot")
        }
        return try SchedulingRows.slot(row)
    }

    func session(_ id: String, on db: any SQLDatabase) async throws -> DoctorSession {
        guard let row = try await db.raw("SELECT * FROM doctor_sessions WHERE id = \(bind: id)").first() else { throw NotFound("session") }
        return try SchedulingRows.session(row)
    }

    /// The patient profile must belong to the account.
    func requirePatient(_ patientId: String, of accountId: String, on db: any SQLDatabase) async throws {
        let row = try await db.raw("SELECT id FROM patients WHERE id = \(bind: patientId) AND account_id = \(bind: accountId)").first()
        guard row != nil else { throw NotFound("patient") }
    }

    func appointmentRow(_ id: String, visibleTo caller: Caller, on db: any SQLDatabase) async throws -> Appointment {
        guard let row = try await db.raw("SELECT * FROM appointments WHERE id = \(bind: id)").first() else { throw NotFound("appointment") }
        let appointment = try SchedulingRows.appointment(row)
        guard try await canSee(appointment, caller, on: db) else { throw NotFound("appointment") }
        return appointment
    }

    func canSee(_ appointment: Appointment, _ caller: Caller, on db: any SQLDatabase) async throws -> Bool {
        switch caller {
        case .patient(let accountId): return appointment.accountId == accountId
        case .doctor(_, let doctorId): return doctorId != nil && appointment.doctorId == doctorId
        case .admin: return true
        }
    }

    func recordChange(
        _ appointmentId: String, by actor: String, from: String?, to: String, note: String? = nil,
        at now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO appointment_history (id, appointment_id, seq, at, actor, from_status, to_status, note)
            VALUES (\(bind: Identifier.make("hist")), \(bind: appointmentId),
                    (SELECT COALESCE(MAX(seq), 0) + 1 FROM appointment_history WHERE appointment_id = \(bind: appointmentId)),
                    \(bind: Clock.millis(now)), \(bind: actor), \(bind: from), \(bind: to), \(bind: try database.seal(note, .appointment)))
            """
        ).run()
    }

    func setStatus(
        _ appointment: Appointment, to status: Appointment.Status, by actor: String, note: String? = nil,
        extra: SQLQueryString? = nil, at now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            UPDATE appointments SET status = \(bind: status.rawValue), updated_at = \(bind: Clock.millis(now))
            WHERE id = \(bind: appointment.id)
            """
        ).run()
        try await recordChange(appointment.id, by: actor, from: appointment.status.rawValue, to: status.rawValue, note: note, at: now, on: db)
    }

    /// A notice's title and body from the message catalog (`notice.KIND.title`, `notice.KIND.body`), in Chinese: notices
    /// are stored as sent, and the app shows `kind` in its own language when it prefers.
    static func noticeTitle(_ kind: String) -> String { MessageCatalog.shipped.text("notice.\(kind).title", "zh") }

    static func notice(_ kind: String, _ values: [String: String]) -> String { MessageCatalog.shipped.text("notice.\(kind).body", "zh", values) }

    /// Writes a notification once (a repeated `dedupeKey` is ignored).
    func notify(
        account: String, patient: String?, kind: String, title: String, body: String, appointment: String? = nil,
        hold: String? = nil, dedupeKey: String? = nil, at now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO notifications (id, account_id, patient_id, kind, title, body, appointment_id, hold_id, dedupe_key, created_at)
            VALUES (\(bind: Identifier.make("ntf")), \(bind: account), \(bind: patient), \(bind: kind),
                    \(bind: try database.seal(title, .notification)),
                    \(bind: try database.seal(body, .notification)),
                    \(bind: appointment), \(bind: hold), \(bind: dedupeKey), \(bind: Clock.millis(now)))
            ON CONFLICT (dedupe_key) DO NOTHING
            """
        ).run()
    }

    /// Marks holds whose time is up as expired (they stopped counting at `expires_at` anyway).
    func expireHolds(slot: String, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE holds SET status = 'expired' WHERE slot_id = \(bind: slot) AND status = 'active' AND expires_at <= \(bind: Clock.millis(now))
            """
        ).run()
    }
}
