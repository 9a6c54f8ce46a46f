/// The languages the companion talks in.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh, en

    /// Chinese when the text holds a Han character, else English.
    public static func detect(_ text: String) -> Language {
        text.unicodeScalars.contains { $0.properties.isIdeographic } ? .zh : .en
    }

    /// Picks the text of this language.
    public func pick<Value>(_ zh: Value, _ en: Value) -> Value { self == .zh ? zh : en }
}
