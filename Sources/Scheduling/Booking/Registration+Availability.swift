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

    public init(departmentId: String? = nil, doctorId: String? = nil, date: String? = nil, period: Period? = nil,
                startingAfter: Date? = nil, startingBefore: Date? = nil) {
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
        let rows = try await database.sql.raw(SchedulingRows.slotSelect(now: now) + """
             WHERE ds.status = 'open' AND s.starts_at > \(bind: after) AND s.starts_at < \(bind: before)
               AND (\(bind: query.departmentId) IS NULL OR s.department_id = \(bind: query.departmentId ?? ""))
               AND (\(bind: query.doctorId) IS NULL OR s.doctor_id = \(bind: query.doctorId ?? ""))
               AND (\(bind: query.date) IS NULL OR s.date = \(bind: query.date ?? ""))
               AND (\(bind: query.period?.rawValue) IS NULL OR s.period = \(bind: query.period?.rawValue ?? ""))
             ORDER BY s.starts_at, s.doctor_id LIMIT \(bind: Self.maxListedSlots)
            """).all()
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
}
