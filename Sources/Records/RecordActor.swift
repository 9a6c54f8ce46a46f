/// Who reads or writes a record: the doctor of the appointment's session, an admin, or the patient's account.
public enum RecordActor: Sendable, Equatable {
    case doctor(staffId: String, doctorId: String?)
    case admin(staffId: String)
    case patient(accountId: String)

    /// How the actor is written in the audit log and on signatures.
    public var auditName: String {
        switch self {
        case .doctor(let id, _): "doctor:\(id)"
        case .admin(let id): "admin:\(id)"
        case .patient(let id): "patient:\(id)"
        }
    }

    /// Whether this actor is the encounter's doctor or an admin.
    func isStaff(of encounter: Encounter) -> Bool {
        switch self {
        case .admin: true
        case .doctor(_, let doctorId): doctorId == encounter.doctorId
        case .patient: false
        }
    }

    /// Whether this actor is the encounter's doctor (only they sign and amend).
    func isDoctor(of encounter: Encounter) -> Bool {
        if case .doctor(_, let doctorId) = self { return doctorId == encounter.doctorId }
        return false
    }
}
