import Foundation
import SQLKit
import Storage

/// Which slots to list.
public struct SlotQuery: Sendable {
    public var departmentId: String?
    public var doctorId: String?
    public var date: String?
    public var period: Period?
    /// Only slots starting at or after this instant (e.g. "within 24 hours" for urgent cases).
    public var startingAfter: Date?
    public var startingBefore: Date?

    public init(
        departmentId: String? = nil, doctorId: String? = nil, date: String? = nil, period: Period? = nil,
        startingAfter: Date? = nil, startingBefore: Date? = nil
    ) {
        self.departmentId = departmentId
        self.doctorId = doctorId
        self.date = date
        self.period = period
        self.startingAfter = startingAfter
        self.startingBefore = startingBefore
    }
}

extension Registration {
    public static let maxListedSlots = 300

    /// Slots of open sessions that have not started yet, with the places left now. Slots not yet released are
    /// listed too, with their `releaseAt`.
    public func slots(_ query: SlotQuery) async throws -> [Slot] {
        guard query.departmentId != nil || query.doctorId != nil else {
            throw ValidationFailed([FieldError("departmentId", "give departmentId or doctorId")])
        }
        if let date = query.date, CalendarDate(date) == nil {
            throw ValidationFailed([FieldError("date", "must be a date YYYY-MM-DD")])
        }
        let now = clock.now()
        let after = Clock.millis(max(now, query.startingAfter ?? now))
        let before = query.startingBefore.map(Clock.millis) ?? Int64.max
        // Only the filters given go into the query, so SQLite can use the (department|doctor, date) indexes.
        var sql =
            SchedulingRows.slotSelect(now: now) + """
                 WHERE ds.status = 'open' AND s.starts_at > \(bind: after) AND s.starts_at < \(bind: before)
                """
        if let department = query.departmentId { sql += " AND s.department_id = \(bind: department)" }
        if let doctor = query.doctorId { sql += " AND s.doctor_id = \(bind: doctor)" }
        if let date = query.date { sql += " AND s.date = \(bind: date)" }
        if let period = query.period { sql += " AND s.period = \(bind: period.rawValue)" }
        sql += " ORDER BY s.starts_at, s.doctor_id LIMIT \(bind: Self.maxListedSlots)"
        let rows = try await database.sql.raw(sql).all()
        return try rows.map(SchedulingRows.slot)
    }

    /// One slot with the places left now.
    public func slot(id: String) async throws -> Slot {
        try await slot(id, now: clock.now(), on: database.sql)
    }

    /// One session.
    public func session(id: String) async throws -> DoctorSession {
        try await session(id, on: database.sql)
    }

    /// A session's period and fee, which never change once it is opened: read once per instance.
    public func terms(ofSession id: String) async throws -> SessionTerms {
        if let known = sessionTerms[id] { return known }
        let session = try await session(id: id)
        let terms = SessionTerms(period: session.period, feeCents: session.feeCents)
        sessionTerms.remember(terms, for: id)
        return terms
    }
}
