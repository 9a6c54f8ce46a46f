import Foundation

/// A person who can be booked for (就诊人): the account holder, a child, a parent…
public struct PatientProfile: Sendable, Equatable {
    public enum Gender: String, Sendable, CaseIterable { case male, female }

    public let id: String
    public let accountId: String
    public var name: String
    public var gender: Gender
    /// `YYYY-MM-DD`.
    public var birthDate: String
    public var idNumber: String?
    public var phone: String?
    public var allergies: [String]
    public let createdAt: Date
    public var updatedAt: Date
}

/// The fields a client sends to create a profile, or some of them to change one.
public struct PatientProfileFields: Sendable {
    public var name: String?
    public var gender: String?
    public var birthDate: String?
    /// `.some(nil)` clears the value on update.
    public var idNumber: String??
    public var phone: String??
    public var allergies: [String]?

    public init(
        name: String? = nil, gender: String? = nil, birthDate: String? = nil,
        idNumber: String?? = nil, phone: String?? = nil, allergies: [String]? = nil
    ) {
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.idNumber = idNumber
        self.phone = phone
        self.allergies = allergies
    }
}
