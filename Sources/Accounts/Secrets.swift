import Crypto
import Foundation
import Storage

/// Random tokens and one-way hashes for secrets the server must recognise but never store in the clear.
enum Secrets {
    /// A URL-safe random token with 256 bits of entropy.
    static func randomToken() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A six-digit one-time code from the system's secure generator.
    static func sixDigitCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%06d", Int.random(in: 0...999_999, using: &generator))
    }

    /// A keyed hash (HMAC-SHA256) in hex: the pepper keeps stolen rows from being brute-forced offline.
    static func hash(_ text: String, pepper: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(pepper.utf8)))
        return mac.hexDigits
    }
}
