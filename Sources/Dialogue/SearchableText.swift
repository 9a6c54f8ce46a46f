import Foundation
import ModelRuntime

/// A message prepared for checking many words against it: the bytes and byte pairs it holds, so that a word with a
/// byte pair the message lacks is ruled out by a few bit tests instead of a scan. Building it is one pass over the
/// message; the hundreds of conversation words then mostly cost nothing, whatever the message's length.
struct SearchableText {
    let text: String
    /// The text without surrounding spaces and punctuation, for words that must be the whole message or start it.
    let bare: String
    private var bytes = [UInt64](repeating: 0, count: 4)
    private var pairs = [UInt64](repeating: 0, count: 1024)

    init(_ text: String) {
        self.text = text
        bare = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        var previous: Int?
        for byte in text.utf8 {
            Self.set(Int(byte), in: &bytes)
            if let previous { Self.set(previous << 8 | Int(byte), in: &pairs) }
            previous = Int(byte)
        }
    }

    /// Whether `word` occurs in the text, byte for byte.
    func includes(_ word: String) -> Bool {
        var previous: Int?
        for byte in word.utf8 {
            if let previous {
                if !Self.isSet(previous << 8 | Int(byte), in: pairs) { return false }
            } else if !Self.isSet(Int(byte), in: bytes) {
                return false
            }
            previous = Int(byte)
        }
        return text.includes(word)
    }

    private static func set(_ bit: Int, in bits: inout [UInt64]) { bits[bit >> 6] |= 1 << UInt64(bit & 63) }
    private static func isSet(_ bit: Int, in bits: [UInt64]) -> Bool { bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
}
