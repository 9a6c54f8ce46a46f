import Dialogue
import Foundation
import Scheduling
import Wording

/// What each hospital's settings give its conversations, built once and kept for a short while: its wording over
/// the shipped catalog and its answers beside the general ones. New settings hold within `lifetime`.
final class HospitalConversationSettings: @unchecked Sendable {
    struct Hospital: Sendable {
        let catalog: MessageCatalog
        let knowledge: KnowledgeBase
    }

    private struct Contents {
        let hospitals: [String: Hospital]
        let loadedAt: Date
    }

    let store: HospitalSettingsStore
    let lifetime: TimeInterval
    // The lock guards `contents`, the only mutable state.
    private let lock = NSLock()
    private var contents: Contents?

    init(store: HospitalSettingsStore, lifetime: TimeInterval = 30) {
        self.store = store
        self.lifetime = lifetime
    }

    /// Drops the kept copy: the next turn reads the settings afresh.
    func forget() { lock.withLock { contents = nil } }

    /// The hospital's wording and answers; the shipped ones for a hospital without settings (or none named).
    func hospital(_ hospitalId: String?) async throws -> Hospital {
        let shipped = Hospital(catalog: .shipped, knowledge: .general)
        guard let hospitalId else { return shipped }
        if let cached = lock.withLock({ contents }), Date().timeIntervalSince(cached.loadedAt) < lifetime {
            return cached.hospitals[hospitalId] ?? shipped
        }
        var hospitals: [String: Hospital] = [:]
        for (id, settings) in try await store.all() {
            // Checked when the settings were imported, so an override that no longer fits is a fault to report.
            hospitals[id] = Hospital(
                catalog: try MessageCatalog.shipped.overriding(settings.wording ?? []), knowledge: KnowledgeBase.general.including(settings.faq ?? [])
            )
        }
        lock.withLock { contents = Contents(hospitals: hospitals, loadedAt: Date()) }
        return hospitals[hospitalId] ?? shipped
    }
}
