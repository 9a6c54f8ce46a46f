/// What a request may act as: a patient account or a staff member.
public enum Role: String, Sendable, Codable, CaseIterable {
    case patient, doctor, admin
}

/// The authenticated caller of a request.
public struct Principal: Sendable, Equatable {
    /// The account id for patients, the staff id for doctors and admins.
    public let subjectId: String
    public let role: Role

    public init(subjectId: String, role: Role) {
        self.subjectId = subjectId
        self.role = role
    }
}
