/// Why speech could not be made.
public enum SpeechError: Error, Equatable, Sendable {
    /// The text is empty once control characters, markup and emoji are removed.
    case emptyText
    /// The text has more characters than one request may speak.
    case textTooLong(limit: Int)
    /// Read out (numbers spelled, symbols named) and slowed by the rate, the text would take too long to say.
    case spokenTooLong(limit: Int)
    /// A request field holds a value the service does not offer (`field`, and what it does offer).
    case unsupported(field: String, allowed: [String])
    /// A number field is outside its range.
    case outOfRange(field: String, range: ClosedRange<Double>)
    /// The synthesiser or an encoder failed; the message is for the log, not the patient.
    case engineFailed(String)
}
