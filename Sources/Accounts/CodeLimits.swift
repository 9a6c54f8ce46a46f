/// How many login codes may be sent within an hour: per phone (the owner's inbox), per client address (one
/// attacker cycling phone numbers; a ward's shared Wi-Fi stays well under it) and for the whole service (a ceiling
/// on what an SMS gateway bill can reach).
public struct CodeLimits: Sendable, Equatable {
    /// Which limit refused a code.
    public enum Scope: String, Sendable {
        case phone, client, service
    }

    public var perPhone = 5
    public var perClient = 30
    public var perService = 3_000

    public init(perPhone: Int = 5, perClient: Int = 30, perService: Int = 3_000) {
        self.perPhone = perPhone
        self.perClient = perClient
        self.perService = perService
    }
}
