import Foundation

/// Colours the simulator's transcript when standard output is a terminal; plain text when piped.
enum TerminalColour {
    static let enabled = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// The line with ANSI colour by what it is: the patient, the companion, a failure, a verdict.
    static func paint(_ line: String) -> String {
        guard enabled else { return line }
        let code: String? =
            if line.hasPrefix("我:") { "36" }  // cyan
            else if line.hasPrefix("助理") { "32" }  // green
            else if line.contains("✗") || line.hasPrefix("== FAILED") || line.contains("  ! ") { "31" }  // red
            else if line.hasPrefix("== ") { "1" }  // bold
            else { nil }
        return code.map { "\u{1B}[\($0)m\(line)\u{1B}[0m" } ?? line
    }
}
