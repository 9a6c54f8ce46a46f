import Foundation
import Accounts
import Dialogue
import Records
import Scheduling
import Speech
import Storage
import Wording

/// The implementation of `openapi.yaml`: thin functions that check who is calling, call the domain modules,
/// and translate their values to the generated types. Domain errors are thrown and become problems in
/// `ProblemMiddleware`.
struct APIHandlers: APIProtocol {
    let services: Services
}

/// Everything the handlers need, built once at start.
public struct Services: Sendable {
    public let database: Database
    public let clock: any NowProvider
    public let otp: OTPService
    public let tokens: TokenService
    public let staff: StaffDirectory
    public let patients: PatientProfiles
    public let consents: ConsentLedger
    public let directory: Directory
    public let registration: Registration
    public let migrator: Migrator
    public let speech: SpeechService
    let speechLibrary: SpeechLibrary
    let limiter: RateLimiter
    let requestLimits: RequestLimits
    public let conversations: Conversations
    public let records: Records
    let accountDeletion: AccountDeletion
    let accessLog: HealthAccessLog
    let hospitalSettings: HospitalConversationSettings
    /// How long the audit of access to health data is kept.
    public let auditKept: TimeInterval
    /// The settable clock of a dev server (nil in production, where the time control does not exist).
    public var devClock: OffsetClock? { clock as? OffsetClock }

    public init(
        database: Database, clock: any NowProvider, otpSender: any OTPSender, secret: String, speech: SpeechService,
        rules: SchedulingRules = SchedulingRules(), codeLimits: CodeLimits = CodeLimits(),
        requestLimits: RequestLimits = RequestLimits(), drafting: DraftingEngines = DraftingEngines(),
        understanding: any Understanding = BuiltInUnderstanding(), answers: (any AnswerWriting)? = nil,
        auditKept: TimeInterval = RetentionRule.auditKeptByDefault
    ) async throws {
        self.auditKept = auditKept
        self.speech = speech
        self.speechLibrary = SpeechLibrary(service: speech, database: database, clock: clock, secret: secret)
        self.limiter = RateLimiter(database: database, clock: clock)
        self.requestLimits = requestLimits
        self.database = database
        self.clock = clock
        self.otp = OTPService(database: database, sender: otpSender, clock: clock, pepper: secret, limits: codeLimits)
        self.tokens = await TokenService(database: database, secret: secret, clock: clock)
        self.staff = StaffDirectory(database: database, clock: clock)
        self.patients = PatientProfiles(database: database, clock: clock)
        self.consents = ConsentLedger(database: database, clock: clock, profiles: patients)
        // Loaded now so that a broken consent file stops start-up with its line, not the first request.
        _ = ConsentTexts.shipped
        self.registration = Registration(database: database, clock: clock, rules: rules)
        self.directory = registration.directory
        // Loaded now so that a broken notes file or catalog stops start-up with its line, not the first booking.
        _ = Preparation.shipped
        _ = MessageCatalog.shipped
        let desk = RegistrationDesk(registration: registration, patientProfiles: patients, clock: clock)
        _ = KnowledgeBase.general
        self.hospitalSettings = HospitalConversationSettings(store: HospitalSettingsStore(database: database))
        let policy = ConversationPolicy(
            understanding: understanding, guide: DirectoryGuide(registration: registration, settings: hospitalSettings), desk: desk,
            answers: answers)
        self.conversations = Conversations(database: database, clock: clock, policy: policy)
        self.records = Records(
            database: database, clock: clock,
            directory: HospitalEncounterDirectory(
                registration: registration, patients: patients, consents: consents,
                conversations: conversations),
            engines: drafting)
        self.accessLog = HealthAccessLog(database: database, clock: clock)
        self.accountDeletion = AccountDeletion(
            database: database, clock: clock, registration: registration, tokens: tokens,
            speechLibrary: speechLibrary, secret: secret)
        self.migrator = Migrator()
    }
}
