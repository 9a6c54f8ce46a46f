import Accounts
import Foundation
import Storage

extension APIHandlers {
    func listConsents(_ input: Operations.ListConsents.Input) async throws -> Operations.ListConsents.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let english = RequestScope.language == .en
        let texts = ConsentPurpose.allCases.map { purpose in
            let entry = ConsentTexts.shipped.entry(purpose)
            let wording = entry.wording(english: english)
            return Components.Schemas.ConsentText(
                purpose: Self.purpose(purpose), version: entry.version, title: wording.title,
                text: wording.text, onWithdrawal: wording.onWithdrawal)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        texts: texts, inForce: try await services.consents.current(accountId: accountId).map(Self.consent),
                        history: try await services.consents.history(accountId: accountId).map(Self.consent)))))
    }

    func decideConsent(_ input: Operations.DecideConsent.Input) async throws -> Operations.DecideConsent.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        guard let purpose = ConsentPurpose(rawValue: input.path.purpose.rawValue) else { throw NotFound("consent purpose") }
        let entry = ConsentTexts.shipped.entry(purpose)
        guard body.textVersion == entry.version else {
            throw ValidationFailed([FieldError("textVersion", "must be the version of the text shown now: \(entry.version)")])
        }
        let decision = try await services.consents.decide(
            purpose, granted: body.granted, textVersion: body.textVersion,
            accountId: accountId, patientId: body.patientId)
        let onWithdrawal = body.granted ? nil : entry.wording(english: RequestScope.language == .en).onWithdrawal
        return .ok(.init(body: .json(.init(consent: Self.consent(decision), onWithdrawal: onWithdrawal))))
    }

    static func consent(_ decision: ConsentDecision) -> Components.Schemas.Consent {
        .init(
            purpose: purpose(decision.purpose), patientId: decision.patientId, granted: decision.granted, textVersion: decision.textVersion,
            grantor: .init(rawValue: decision.grantor.rawValue) ?? .patient, at: decision.at)
    }

    static func purpose(_ purpose: ConsentPurpose) -> Components.Schemas.ConsentPurpose {
        Components.Schemas.ConsentPurpose(rawValue: purpose.rawValue)!
    }
}
