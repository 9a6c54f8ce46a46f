import Foundation

/// Why an account or authentication request was refused.
public enum AccountsError: Error, Sendable, Equatable {
    /// Too many codes were requested within the hour (for the phone, from the client, or in all); try again after
    /// the interval.
    case tooManyCodes(scope: CodeLimits.Scope, retryAfterSeconds: Int)
    /// The code is wrong, expired, used, or was never sent.
    case invalidCode
    /// Five wrong tries burn the code; a new one must be requested.
    case tooManyAttempts
    /// The access or refresh token is not valid.
    case invalidToken
    /// A refresh token was presented twice: the whole token family is revoked.
    case refreshTokenReused
    /// Username or password is wrong (never says which).
    case invalidCredentials
    /// Too many wrong passwords for this username lately; try again after the interval.
    case tooManyLoginAttempts(retryAfterSeconds: Int)
    /// The account already has the maximum number of patient profiles.
    case tooManyProfiles(limit: Int)
    /// A staff username is already taken.
    case usernameTaken
    /// The profile has appointments on record, which are kept.
    case profileInUse
    /// The one-time code could not be delivered.
    case deliveryFailed
    /// Processing for `purpose` needs a consent not in force: the account's own (`patientId` nil) or the guardian's
    /// for that profile under 14.
    case consentRequired(purpose: ConsentPurpose, patientId: String?)
}
