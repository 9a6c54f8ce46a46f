import Accounts
import Foundation
import Hummingbird
import OpenAPIRuntime
import Dialogue
import Records
import Scheduling
import Speech
import Storage
import Wording

/// The one place where errors of every module become HTTP problems. An error not listed here is a bug:
/// it becomes a bare 500 and is logged with its request id.
enum ProblemMapping {
    static func problem(for error: any Error) -> Problem? {
        switch error {
        case let problem as Problem: return problem
        case let error as ServerError: return serverError(error)
        case let error as ValidationFailed: return .validation(error.errors)
        case let error as NotFound: return .notFound(error.kind)
        case let error as AccountsError: return accounts(error)
        case let error as SchedulingError: return scheduling(error)
        case let error as SpeechError: return speech(error)
        case let error as DialogueError: return dialogue(error)
        case let error as RecordsError: return records(error)
        case let error as DecodingError: return .invalidBody(describe(error))
        case let error as HTTPError: return http(error)
        case let error as HospitalBundleInvalid:
            return Problem(
                status: 422, code: "invalid_bundle", title: "The hospital bundle was refused; nothing was imported",
                detail: error.problems.prefix(5).map(\.description).joined(separator: "; "),
                errors: error.problems.map { FieldError(($0.entry.map { "entry[\($0)]." } ?? "") + $0.field, $0.message) })
        case let error as HospitalImportRefused:
            return Problem(
                status: 409, code: "appointments_to_come", title: "Departments or doctors gone from the bundle have appointments to come",
                detail: error.booked.keys.sorted().map { "\($0): \(error.booked[$0]!)" }.joined(separator: "; ")
                    + ". Import with retire=true to close them with notices to their patients.")
        default: return nil
        }
    }

    private static func serverError(_ error: ServerError) -> Problem? {
        if let mapped = problem(for: error.underlyingError) { return mapped }
        let cause = error.causeDescription
        // A handler's own error that no case above knows is a bug, not a bad request.
        if cause.hasPrefix("User handler threw") { return nil }
        // The generated server failed to read the request: a missing body, a wrong content type, a bad parameter.
        if cause.contains("content type") || cause.contains("Content-Type") {
            return Problem(
                status: 415, code: "unsupported_media_type", title: "Unsupported media type",
                detail: "Send the body as application/json.")
        }
        return .invalidBody(cause)
    }

    private static func accounts(_ error: AccountsError) -> Problem {
        switch error {
        case .tooManyCodes(let scope, let retryAfter):
            let whose = ["phone": "for this phone", "client": "from this address", "service": "for the whole service"][scope.rawValue] ?? ""
            return Problem(
                status: 429, code: scope == .phone ? "rate_limited" : "codes_limited_\(scope.rawValue)", title: "Too many codes",
                detail: "The hour's limit of login codes \(whose) is reached; try again in \(retryAfter) s.", retryAfter: retryAfter)
        case .invalidCode:
            return .worded(status: 401, code: "invalid_code", title: "Wrong or expired code")
        case .tooManyAttempts:
            return .worded(status: 401, code: "too_many_attempts", title: "Too many attempts")
        case .invalidToken:
            return .unauthorized("The token is invalid or expired.")
        case .refreshTokenReused:
            return Problem(
                status: 401, code: "token_reused", title: "Refresh token reused",
                detail: "This refresh token was already used; every session of this login is now signed out.")
        case .invalidCredentials:
            return Problem(
                status: 401, code: "invalid_credentials", title: "Wrong username or password",
                detail: "The username or the password is wrong.")
        case .tooManyLoginAttempts(let retryAfter):
            return Problem(
                status: 429, code: "rate_limited", title: "Too many wrong passwords",
                detail: "Logins for this username are paused; try again in \(retryAfter) s.", retryAfter: retryAfter)
        case .tooManyProfiles(let limit):
            return .worded(status: 409, code: "too_many_profiles", title: "Too many patient profiles", ["limit": "\(limit)"])
        case .usernameTaken:
            return Problem(status: 409, code: "conflict", title: "Username taken")
        case .profileInUse:
            return .worded(status: 409, code: "profile_in_use", title: "Profile has appointments")
        case .deliveryFailed:
            return .worded(status: 503, code: "delivery_failed", title: "Code not delivered", retryAfter: 30)
        case .consentRequired(let purpose, let patientId):
            let whose = patientId.map { " (the guardian's, for patient \($0))" } ?? ""
            return Problem(
                status: 403, code: "consent_required", title: "Consent required",
                detail: "This needs the consent \(purpose.rawValue)\(whose): PUT /v1/consents/\(purpose.rawValue).")
        }
    }

    private static func dialogue(_ error: DialogueError) -> Problem {
        switch error {
        case .messageTooLong(let limit):
            return .worded(status: 413, code: "message_too_long", title: "Message too long", ["limit": "\(limit)"])
        case .busy:
            return .worded(status: 409, code: "conversation_busy", title: "Conversation busy", retryAfter: 1)
        }
    }

    private static func records(_ error: RecordsError) -> Problem {
        switch error {
        case .emptyTranscript:
            return Problem(
                status: 422, code: "empty_transcript", title: "No consultation yet",
                detail: "Post the consultation's turns to the encounter's transcript before asking for a draft.")
        case .transcriptTooLong(let limit):
            return Problem(
                status: 413, code: "transcript_too_long", title: "Transcript too long",
                detail: "At most \(limit) turns here; send the transcript in parts, or open a new encounter.")
        case .alreadySigned:
            return Problem(
                status: 409, code: "record_signed", title: "Record already signed",
                detail: "A signed record is not changed or signed again; amend it with a reason instead.")
        case .notSigned:
            return Problem(
                status: 409, code: "record_not_signed", title: "Record not signed",
                detail: "Only a signed record is amended; edit the draft instead.")
        case .superseded(let newer):
            return Problem(
                status: 409, code: "record_superseded", title: "Record already amended",
                detail: "Version \(newer) amends this record; amend that one.")
        case .staleRevision(let current):
            return Problem(
                status: 409, code: "stale_revision", title: "Edited meanwhile",
                detail: "The draft is at revision \(current) now; read it again and edit that.")
        case .engineUnavailable(let name):
            return .validation([
                FieldError(
                    "engine",
                    name == "model"
                        ? "No model server is configured here (--model-url); use builtin."
                        : "Must be builtin or model.")
            ])
        case .notTheDoctor:
            return .forbidden("Only the doctor of this encounter signs and amends its record.")
        }
    }

    private static func speech(_ error: SpeechError) -> Problem? {
        switch error {
        case .emptyText:
            return .validation([
                FieldError("text", "There is nothing to say: the text is empty once emoji, markup and control characters are removed.")
            ])
        case .textTooLong(let limit):
            return Problem(
                status: 413, code: "text_too_long", title: "Text too long",
                detail: "At most \(limit) characters can be spoken in one request; split the text.")
        case .spokenTooLong:
            return Problem(
                status: 413, code: "spoken_too_long", title: "Too long to say",
                detail: "Read out at this rate the text would take too long to say; split it or speak faster.")
        case .unsupported(let field, let allowed):
            return .validation([FieldError(field, "Must be one of: \(allowed.joined(separator: ", ")).")])
        case .outOfRange(let field, let range):
            return .validation([FieldError(field, "Must be from \(range.lowerBound) to \(range.upperBound).")])
        case .engineFailed:
            // A bug or a broken installation, not the caller's fault: a 500, logged with its request id.
            return nil
        }
    }

    private static func scheduling(_ error: SchedulingError) -> Problem {
        func conflict(_ code: String, _ title: String, _ values: [String: String] = [:]) -> Problem {
            .worded(status: 409, code: code, title: title, values)
        }
        func instant(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
        func catalogText(_ id: String, _ values: [String: String] = [:]) -> String {
            MessageCatalog.shipped.text(id, RequestScope.language.rawValue, values)
        }
        switch error {
        case .slotFull: return conflict("slot_full", "Slot full")
        case .notReleased(let releaseAt): return conflict("not_released", "Not released yet", ["time": instant(releaseAt)])
        case .slotInPast: return conflict("slot_in_past", "Slot has started")
        case .sessionClosed: return conflict("session_closed", "Session closed")
        case .duplicateBooking: return conflict("duplicate_booking", "Duplicate booking")
        case .dailyLimit(let limit): return conflict("daily_limit", "Daily limit reached", ["limit": "\(limit)"])
        case .tooManyHolds(let limit, let retryAfter):
            return .worded(
                status: 429, code: "too_many_holds", title: "Too many places held", ["limit": "\(limit)", "seconds": "\(retryAfter)"],
                retryAfter: retryAfter)
        case .tooManyChanges(let limit, let retryAfter):
            return .worded(
                status: 429, code: "booking_changes_limited", title: "Too many booking changes",
                ["limit": "\(limit)", "seconds": "\(retryAfter)"], retryAfter: retryAfter)
        case .waitlistLimit(let limit): return conflict("waitlist_limit", "Too many waitlist entries", ["limit": "\(limit)"])
        case .bookingBanned(let until): return conflict("booking_banned", "Booking suspended", ["time": instant(until)])
        case .holdExpired: return conflict("hold_expired", "Hold expired")
        case .pastCutoff(let cutoff): return conflict("past_cutoff", "Past the cancellation cut-off", ["time": instant(cutoff)])
        case .invalidState(let state): return Problem(status: 409, code: "conflict", title: "Not possible now", detail: catalogText(state.rawValue))
        case .checkInClosed(.notToday): return conflict("check_in_closed", "Check-in not open", ["why": catalogText("check_in_not_today")])
        case .checkInClosed(.notYet(let minutes)):
            return conflict("check_in_closed", "Check-in not open", ["why": catalogText("check_in_not_yet", ["minutes": "\(minutes)"])])
        case .checkInClosed(.ended): return conflict("check_in_closed", "Check-in not open", ["why": catalogText("check_in_ended")])
        case .queueEmpty: return conflict("queue_empty", "Nobody is waiting")
        case .invalidSession(let state): return Problem(status: 409, code: "conflict", title: "Session conflict", detail: catalogText(state.rawValue))
        case .visitUnderWay: return conflict("visit_under_way", "A visit is under way")
        }
    }

    private static func http(_ error: HTTPError) -> Problem {
        switch error.status.code {
        case 404: return Problem(status: 404, code: "not_found", title: "Not found", detail: "No such resource.")
        case 405: return Problem(status: 405, code: "method_not_allowed", title: "Method not allowed")
        case 413:
            return Problem(
                status: 413, code: "payload_too_large", title: "Payload too large",
                detail: "Request bodies are limited to 1 MiB.")
        default:
            return Problem(
                status: Int(error.status.code), code: error.status.code < 500 ? "bad_request" : "internal",
                title: error.status.reasonPhrase)
        }
    }

    /// Says where a body failed to decode without echoing the client's values.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "body" : keys.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context): return "\(path(context)): wrong type"
        case .valueNotFound(_, let context): return "\(path(context)): must not be null"
        case .keyNotFound(let key, let context):
            return "\(path(context) == "body" ? "" : path(context) + ".")\(key.stringValue): is required"
        case .dataCorrupted(let context):
            if context.debugDescription.contains("Additional properties are disabled") {
                return "\(path(context)): unknown field"
            }
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context)): invalid value"
        @unknown default: return "the body is not valid"
        }
    }
}
