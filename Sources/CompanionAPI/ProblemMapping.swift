import Accounts
import Foundation
import Hummingbird
import OpenAPIRuntime
import Dialogue
import Records
import Scheduling
import Speech
import Storage

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
            return Problem(
                status: 401, code: "invalid_code", title: "Wrong or expired code",
                detail: "The code is wrong, expired or already used.")
        case .tooManyAttempts:
            return Problem(
                status: 401, code: "too_many_attempts", title: "Too many attempts",
                detail: "This code was entered wrongly 5 times; request a new one.")
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
            return Problem(
                status: 409, code: "too_many_profiles", title: "Too many patient profiles",
                detail: "An account can hold at most \(limit) patient profiles.")
        case .usernameTaken:
            return Problem(status: 409, code: "conflict", title: "Username taken")
        case .profileInUse:
            return Problem(
                status: 409, code: "profile_in_use", title: "Profile has appointments",
                detail: "This patient profile has appointments on record and cannot be deleted.")
        case .deliveryFailed:
            return Problem(
                status: 503, code: "delivery_failed", title: "Code not delivered",
                detail: "The text message could not be sent; try again shortly.", retryAfter: 30)
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
            return Problem(
                status: 413, code: "message_too_long", title: "Message too long",
                detail: "A message can have at most \(limit) characters.")
        case .busy:
            return Problem(
                status: 409, code: "conversation_busy", title: "Conversation busy",
                detail: "Another device is sending to this conversation; send again.", retryAfter: 1)
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
        let zh = RequestScope.language == .zh
        func conflict(_ code: String, _ title: String, _ detail: String) -> Problem {
            Problem(status: 409, code: code, title: title, detail: detail)
        }
        switch error {
        case .slotFull:
            return conflict(
                "slot_full", "Slot full", zh ? "这个时段已经约满了，请换一个时间或加入候补。" : "This slot is fully booked; choose another time or join the waitlist.")
        case .notReleased(let releaseAt):
            return conflict(
                "not_released", "Not released yet",
                (zh ? "号源尚未放出，放号时间：" : "These places are released at ") + ISO8601DateFormatter().string(from: releaseAt))
        case .slotInPast:
            return conflict("slot_in_past", "Slot has started", zh ? "这个时段已经开始或结束，不能再预约。" : "This slot has already started.")
        case .sessionClosed:
            return conflict("session_closed", "Session closed", zh ? "医生本次门诊已停诊。" : "The doctor has cancelled this session.")
        case .duplicateBooking:
            return conflict(
                "duplicate_booking", "Duplicate booking",
                zh
                    ? "该就诊人当天在这个科室已有预约，或与已有预约时间冲突。"
                    : "This patient already has an appointment in this department that day, or one at an overlapping time.")
        case .dailyLimit(let limit):
            return conflict(
                "daily_limit", "Daily limit reached",
                zh ? "每个账号每天最多预约\(limit)次，请明天再试。" : "An account can book at most \(limit) appointments a day.")
        case .tooManyHolds(let limit, let retryAfter):
            return Problem(
                status: 429, code: "too_many_holds", title: "Too many places held",
                detail: zh
                    ? "一个账号最多同时保留\(limit)个号源，请先确认或等待已保留的号源到期（约\(retryAfter)秒）。"
                    : "An account can hold at most \(limit) places at once; book or let one lapse (about \(retryAfter) s).",
                retryAfter: retryAfter)
        case .tooManyChanges(let limit, let retryAfter):
            return Problem(
                status: 429, code: "booking_changes_limited", title: "Too many booking changes",
                detail: zh
                    ? "一个账号每分钟最多保留号源或改约\(limit)次，请约\(retryAfter)秒后再试。"
                    : "An account can hold or move places at most \(limit) times a minute; try again in about \(retryAfter) s.",
                retryAfter: retryAfter)
        case .waitlistLimit(let limit):
            return conflict(
                "waitlist_limit", "Too many waitlist entries",
                zh ? "每位就诊人最多同时候补\(limit)个时段。" : "A patient can wait for at most \(limit) sessions at once.")
        case .bookingBanned(let until):
            return conflict(
                "booking_banned", "Booking suspended",
                (zh ? "因多次爽约，暂停预约至 " : "Booking is suspended after repeated no-shows until ") + ISO8601DateFormatter().string(from: until))
        case .holdExpired:
            return conflict("hold_expired", "Hold expired", zh ? "保留的号源已过期，请重新选择。" : "The hold has expired; choose the slot again.")
        case .pastCutoff(let cutoff):
            return conflict(
                "past_cutoff", "Past the cancellation cut-off",
                (zh ? "已超过可取消或改约的时间：" : "Changes were possible until ") + ISO8601DateFormatter().string(from: cutoff))
        case .invalidState(let why):
            return conflict("conflict", "Not possible now", why)
        case .checkInClosed(let why):
            return conflict("check_in_closed", "Check-in not open", why)
        case .queueEmpty:
            return conflict("queue_empty", "Nobody is waiting", zh ? "当前没有已签到的候诊患者。" : "No checked-in patient is waiting.")
        case .invalidSession(let why):
            return conflict("conflict", "Session conflict", why)
        case .visitUnderWay:
            return conflict(
                "visit_under_way", "A visit is under way",
                zh
                    ? "您正在就诊中（已签到或已叫号），请就诊结束后再注销账号。"
                    : "A visit is under way; delete the account once it is over.")
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
