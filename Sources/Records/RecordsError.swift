/// Why a records request was refused (beyond `NotFound` and `ValidationFailed`).
public enum RecordsError: Error, Equatable, Sendable {
    /// A draft was asked for an encounter with no consultation turns yet.
    case emptyTranscript
    /// More turns than one request, or one encounter, may hold.
    case transcriptTooLong(limit: Int)
    /// The record is signed: it can no longer be edited (amend it instead), nor signed again.
    case alreadySigned
    /// Only a signed record can be amended; a draft is edited.
    case notSigned
    /// A newer version amends this record already; amend that one.
    case superseded(by: String)
    /// The edit was made on an older revision than the current one.
    case staleRevision(current: Int)
    /// The drafting engine asked for is not configured on this server.
    case engineUnavailable(String)
    /// Only the doctor of the encounter signs and amends.
    case notTheDoctor
}
