import Foundation
import OpenAPIRuntime

/// Consent, as the app asks for it before the first health conversation.
extension PatientSession {
    /// The consent texts to show and the decisions in force.
    public func consents() async throws -> Components.Schemas.ConsentList {
        let listed = try await client.listConsents()
        guard case .ok(let ok) = listed else { throw SimulatorError("listing consents failed: \(listed)") }
        return try ok.body.json
    }

    /// Whether the account's own consent to `purpose` is in force.
    public func hasConsented(to purpose: Components.Schemas.ConsentPurpose) async throws -> Bool {
        try await consents().inForce.contains { $0.purpose == purpose && $0.patientId == nil && $0.granted }
    }

    /// Grants (or withdraws) `purposes` on the texts shown now, for the account holder and then, as guardian or
    /// representative, for each of `patientIds`.
    public func consent(
        to purposes: [Components.Schemas.ConsentPurpose] = Components.Schemas.ConsentPurpose.allCases,
        patientIds: [String] = [], granted: Bool = true
    ) async throws {
        let texts = try await consents().texts
        for purpose in purposes {
            guard let version = texts.first(where: { $0.purpose == purpose })?.version else { throw SimulatorError("no text for \(purpose)") }
            for patientId in [nil] + patientIds.map(Optional.some) {
                let decided = try await client.decideConsent(
                    path: .init(purpose: purpose),
                    body: .json(.init(granted: granted, textVersion: version, patientId: patientId)))
                guard case .ok = decided else { throw SimulatorError("recording the consent failed: \(decided)") }
            }
        }
    }
}
