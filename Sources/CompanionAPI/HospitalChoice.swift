import Scheduling
import Storage

/// Which hospital a conversation is with: the one the phone names, or the only one the server serves.
enum HospitalChoice {
    /// The id of the hospital, or a problem: `503 no_hospital` while none is imported, `422` naming the choices when
    /// several are served and none (or an unknown one) is named.
    static func resolve(_ named: String?, among hospitals: [Hospital]) throws -> String {
        guard !hospitals.isEmpty else { throw noHospital }
        if let named, hospitals.contains(where: { $0.id == named }) { return named }
        if named == nil, hospitals.count == 1 { return hospitals[0].id }
        let choices = hospitals.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        let problem = named == nil ? "This server serves several hospitals: say which one" : "No hospital \(named!) here"
        throw ValidationFailed([FieldError("hospitalId", "\(problem). Choose one of: \(choices).")])
    }

    static var noHospital: Problem { .worded(status: 503, code: "no_hospital", title: "No hospital yet") }
}

extension APIHandlers {
    /// Booking routes are refused with `503 no_hospital` until a hospital is imported (production starts with none).
    func requireHospital() async throws {
        if try await services.directory.departments().isEmpty { throw HospitalChoice.noHospital }
    }
}
