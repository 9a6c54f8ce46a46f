import AsyncHTTPClient
import Foundation

/// What a journey has built up while it runs: the signed-in patient (and doctor), the profiles, the conversation,
/// and the ids steps made, by name.
struct JourneyState: Sendable {
    let journey: Journey
    let server: URL
    let httpClient: HTTPClient
    let phone: String
    var patient: PatientSession
    var doctor: StaffSession?
    var admin: StaffSession?
    var profiles: [String: String] = [:]
    var firstProfile: String?
    var conversationId: String?
    var values: [String: String] = [:]
    /// The day (from today) each booking step aimed at, by its saved name, for clock steps.
    var days: [String: Int] = [:]
    /// A clock step moved the server's clock (it is set back when the journey ends).
    var movedClock = false
    /// The server's "now" when the journey began (its own clock, which a dev server may have moved), and when
    /// that was here: a journey that moves the clock sets it back to where it would have run on to.
    let serverStart: Date
    let localStart: ContinuousClock.Instant
    /// Today in the hospital's time zone when the journey began: `day:` counts from here.
    var today: DateComponents { Self.hospitalCalendar.dateComponents([.year, .month, .day], from: serverStart) }

    /// Days and times of journeys are the hospital's.
    static let hospitalCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()

    static func begin(_ journey: Journey, server: URL, phone: String, httpClient: HTTPClient) async throws -> JourneyState {
        let patient = try await PatientSession.signIn(server: server, phone: phone, httpClient: httpClient)
        let localStart = ContinuousClock.now
        var state = JourneyState(
            journey: journey, server: server, httpClient: httpClient, phone: phone, patient: patient,
            serverStart: try await patient.serverNow() ?? Date(), localStart: localStart)
        var existing = try await patient.patients()
        for profile in journey.persona.patients ?? [] where !existing.contains(where: { $0.name == profile.name }) {
            existing.append(try await patient.addPatient(name: profile.name, gender: profile.gender, birthDate: profile.birthDate))
        }
        for profile in existing { state.profiles[profile.name] = profile.id }
        // The scripted patient agrees to everything the app asks, for themself and, as guardian, for their children.
        try await patient.consent(patientIds: existing.map(\.id))
        state.firstProfile = journey.persona.patients?.first.flatMap { state.profiles[$0.name] } ?? existing.first?.id
        return state
    }

    /// `${name}` replaced by the value a step saved under that name.
    func resolve(_ text: String) throws -> String {
        var result = text
        while let start = result.range(of: "${"), let end = result.range(of: "}", range: start.upperBound..<result.endIndex) {
            let name = String(result[start.upperBound..<end.lowerBound])
            guard let value = values[name] else {
                throw JourneyStepError("no value named \(name) yet (saved so far: \(values.keys.sorted().joined(separator: ", ")))")
            }
            result.replaceSubrange(start.lowerBound..<end.upperBound, with: value)
        }
        return result
    }

    /// The calendar date `day` days from the journey's today, `YYYY-MM-DD`.
    func date(day: Int) -> String {
        let instant = instant(day: day, time: "12:00") ?? serverStart
        let parts = Self.hospitalCalendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The instant `day` days from today at `time` (HH:mm), hospital time.
    func instant(day: Int, time: String) -> Date? {
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2 else { return nil }
        let calendar = Self.hospitalCalendar
        var parts = today
        parts.hour = clock[0]
        parts.minute = clock[1]
        return calendar.date(from: parts).flatMap { calendar.date(byAdding: .day, value: day, to: $0) }
    }

    mutating func doctorSession() async throws -> StaffSession {
        if doctor == nil { doctor = try await signIn(journey.persona.doctor, for: "doctor steps need `persona.doctor`") }
        return doctor!
    }

    mutating func adminSession() async throws -> StaffSession {
        if admin == nil { admin = try await signIn(journey.persona.admin, for: "session steps need `persona.admin`") }
        return admin!
    }

    private func signIn(_ staff: Journey.Persona.Staff?, for need: String) async throws -> StaffSession {
        guard let staff else { throw JourneyStepError(need + " (username, password)") }
        return try await StaffSession.signIn(server: server, username: staff.username, password: staff.password, httpClient: httpClient)
    }

    /// The id of the patient profile with this name, or the persona's first.
    func patientId(_ name: String?) throws -> String {
        if let name {
            guard let id = profiles[name] else { throw JourneyStepError("no patient profile named \(name)") }
            return id
        }
        guard let first = firstProfile else { throw JourneyStepError("this step needs a patient profile in `persona.patients`") }
        return first
    }
}

/// A step that could not be run as written (a missing value, a missing doctor, a server without time control).
struct JourneyStepError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
