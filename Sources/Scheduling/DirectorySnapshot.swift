import Foundation

/// The directory as read once: departments and doctors change only when a hospital is (re)imported, but are read on
/// nearly every request, so each `Directory` keeps this for a short while (`KeptForAWhile`).
struct DirectorySnapshot: Sendable {
    let departments: [Department]
    let doctors: [Doctor]
    /// Departments and doctors a hospital's import no longer lists.
    let retired: Set<String>
}
