import Accounts
import Storage

extension APIHandlers {
    func listPatients(_ input: Operations.ListPatients.Input) async throws -> Operations.ListPatients.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let page = try await services.patients.list(accountId: accountId, limit: try Self.limit(input.query.limit), cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(items: page.items.map(Self.patient), nextCursor: page.nextCursor))))
    }

    func createPatient(_ input: Operations.CreatePatient.Input) async throws -> Operations.CreatePatient.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let fields = Self.profileFields(
            name: body.name, gender: body.gender, birthDate: body.birthDate,
            idNumber: body.idNumber, phone: body.phone, allergies: body.allergies)
        let profile = try await services.patients.create(accountId: accountId, fields)
        return .created(.init(body: .json(Self.patient(profile))))
    }

    func getPatient(_ input: Operations.GetPatient.Input) async throws -> Operations.GetPatient.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let profile = try await services.patients.get(accountId: accountId, id: input.path.patientId)
        return .ok(.init(body: .json(Self.patient(profile))))
    }

    func updatePatient(_ input: Operations.UpdatePatient.Input) async throws -> Operations.UpdatePatient.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let fields = Self.profileFields(
            name: body.name, gender: body.gender, birthDate: body.birthDate,
            idNumber: body.idNumber, phone: body.phone, allergies: body.allergies)
        let profile = try await services.patients.update(accountId: accountId, id: input.path.patientId, fields)
        return .ok(.init(body: .json(Self.patient(profile))))
    }

    func deletePatient(_ input: Operations.DeletePatient.Input) async throws -> Operations.DeletePatient.Output {
        let accountId = try RequestScope.requirePatientAccount()
        try await services.patients.delete(accountId: accountId, id: input.path.patientId)
        return .noContent(.init())
    }

    /// The fields as the domain wants them: an empty `idNumber` or `phone` means "clear it".
    static func profileFields(
        name: String?, gender: String?, birthDate: String?, idNumber: String?, phone: String?,
        allergies: [String]?
    ) -> PatientProfileFields {
        PatientProfileFields(
            name: name, gender: gender, birthDate: birthDate,
            idNumber: idNumber.map { $0.isEmpty ? nil : $0 }, phone: phone.map { $0.isEmpty ? nil : $0 },
            allergies: allergies)
    }

    static func limit(_ value: Int?) throws -> Int {
        guard let value else { return 50 }
        guard (1...100).contains(value) else { throw ValidationFailed([FieldError("limit", "must be 1–100")]) }
        return value
    }

    static func patient(_ p: PatientProfile) -> Components.Schemas.Patient {
        .init(
            id: p.id, name: p.name, gender: Components.Schemas.Gender(rawValue: p.gender.rawValue) ?? .female,
            birthDate: p.birthDate, idNumber: p.idNumber, phone: p.phone, allergies: p.allergies,
            createdAt: p.createdAt, updatedAt: p.updatedAt
        )
    }
}
