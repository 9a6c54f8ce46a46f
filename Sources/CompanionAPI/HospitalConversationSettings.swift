import Dialogue
import Foundation
import Scheduling
import Storage
import Wording

/// What each hospital's settings give its conversations, built once and kept for a short while: its wording over
/// the shipped catalog and its answers beside the general ones. New settings hold within 30 s.
struct HospitalConversationSettings: Sendable {
    struct Hospital: Sendable {
        let catalog: MessageCatalog
        let knowledge: KnowledgeBase
    }

    let store: HospitalSettingsStore
    private let kept = KeptForAWhile<[String: Hospital]>()

    init(store: HospitalSettingsStore) { self.store = store }

    /// Drops the kept copy: the next turn reads the settings afresh.
    func forget() { kept.forget() }

    /// The hospital's wording and answers; the shipped ones for a hospital without settings (or none named).
    func hospital(_ hospitalId: String?) async throws -> Hospital {
        let shipped = Hospital(catalog: .shipped, knowledge: .general)
        guard let hospitalId else { return shipped }
        let hospitals = try await kept.value {
            var hospitals: [String: Hospital] = [:]
            for (id, settings) in try await store.all() {
                // Checked when the settings were imported, so an override that no longer fits is a fault to report.
                hospitals[id] = Hospital(
                    catalog: try MessageCatalog.shipped.overriding(settings.wording ?? []),
                    knowledge: KnowledgeBase.general.including(settings.faq ?? []))
            }
            return hospitals
        }
        return hospitals[hospitalId] ?? shipped
    }
}
