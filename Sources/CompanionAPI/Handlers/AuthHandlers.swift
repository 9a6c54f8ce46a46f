import Accounts
import Storage

extension APIHandlers {
    func requestOtp(_ input: Operations.RequestOtp.Input) async throws -> Operations.RequestOtp.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let phone = try Self.phone(body.phone)
        let issued = try await services.otp.requestCode(for: phone, client: RequestScope.client)
        return .accepted(.init(body: .json(.init(expiresAt: issued.expiresAt, devCode: issued.devCode))))
    }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let phone = try Self.phone(body.phone)
        guard body.code.count == 6, body.code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationFailed([FieldError("code", "must be the 6 digits received")])
        }
        let accountId = try await services.otp.verify(code: body.code, for: phone)
        let pair = try await services.tokens.issue(for: Principal(subjectId: accountId, role: .patient))
        return .ok(.init(body: .json(Self.tokens(pair))))
    }

    func refreshToken(_ input: Operations.RefreshToken.Input) async throws -> Operations.RefreshToken.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let pair = try await services.tokens.refresh(body.refreshToken)
        return .ok(.init(body: .json(Self.tokens(pair))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        try await services.tokens.revokeFamily(of: body.refreshToken)
        return .noContent(.init())
    }

    func createStaffToken(_ input: Operations.CreateStaffToken.Input) async throws -> Operations.CreateStaffToken.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let member = try await services.staff.authenticate(username: body.username, password: body.password, client: RequestScope.client)
        let pair = try await services.tokens.issue(for: Principal(subjectId: member.id, role: member.role))
        return .ok(.init(body: .json(Self.tokens(pair))))
    }

    static func phone(_ raw: String) throws -> PhoneNumber {
        guard let phone = PhoneNumber(raw) else {
            throw ValidationFailed([FieldError("phone", "must be a mobile number, e.g. 13800138000")])
        }
        return phone
    }

    static func tokens(_ pair: TokenService.Pair) -> Components.Schemas.Tokens {
        let isPatient = pair.principal.role == .patient
        return .init(
            accessToken: pair.accessToken,
            refreshToken: pair.refreshToken,
            expiresIn: pair.expiresIn,
            role: Components.Schemas.Tokens.RolePayload(rawValue: pair.principal.role.rawValue) ?? .patient,
            accountId: isPatient ? pair.principal.subjectId : nil,
            staffId: isPatient ? nil : pair.principal.subjectId
        )
    }
}
