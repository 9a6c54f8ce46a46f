/// What an import changed (or, dry, would change).
public struct HospitalImportReport: Sendable, Equatable, CustomStringConvertible {
    public enum Action: String, Sendable {
        case added, updated, retired, removed
    }

    public struct Change: Sendable, Equatable {
        /// `hospital`, `place`, `department` or `doctor`.
        public let kind: String
        public let id: String
        public let name: String
        public let action: Action
    }

    public let hospitalId: String
    public let changes: [Change]
    public let warnings: [String]
    /// Appointments cancelled, with notices, because `retire` closed what they were booked with.
    public let cancelledSessions: Int
    public let dryRun: Bool

    /// How many changes of a kind and action.
    public func count(_ kind: String, _ action: Action) -> Int {
        changes.filter { $0.kind == kind && $0.action == action }.count
    }

    public var description: String {
        let head = "\(hospitalId): " + (changes.isEmpty ? "no change" : "\(changes.count) change(s)") + (dryRun ? " (dry run, nothing written)" : "")
        let sign: [Action: String] = [.added: "+", .updated: "~", .retired: "-", .removed: "-"]
        let lines = changes.map { "  \(sign[$0.action]!) \($0.kind) \($0.id) \($0.name) (\($0.action.rawValue))" }
        let closing = cancelledSessions > 0 ? ["  \(cancelledSessions) session(s) closed with notices to their patients"] : []
        return ([head] + lines + closing + warnings.map { "  warning: " + $0 }).joined(separator: "\n")
    }
}

/// Departments or doctors the bundle no longer lists still have appointments to come: the import is refused
/// (nothing written) unless it is asked to retire them.
public struct HospitalImportRefused: Error, Sendable, Equatable, CustomStringConvertible {
    /// `department dept_x` or `doctor doc_y` with how many appointments are to come.
    public let booked: [String: Int]

    public init(booked: [String: Int]) { self.booked = booked }

    public var description: String {
        "refused: these are gone from the bundle but have appointments to come (import with --retire to close them with notices):\n"
            + booked.keys.sorted().map { "  \($0): \(booked[$0]!) appointment(s)" }.joined(separator: "\n")
    }
}
