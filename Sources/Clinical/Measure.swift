/// A measurement written with its number (心率180, 烧到39度, a pulse of 35): the concepts whose mention it follows,
/// how far after them its number may be written, the numbers it can be, and the concept each range of values says.
public struct Measure: Sendable, Codable, Equatable {
    /// Values from `atLeast` and up to `atMost` (either may be open) say `concept`.
    public struct ValueRange: Sendable, Codable, Equatable {
        public let atLeast: Double?
        public let atMost: Double?
        public let concept: String

        func contains(_ value: Double) -> Bool { value >= (atLeast ?? -.infinity) && value <= (atMost ?? .infinity) }
    }

    public let id: String
    /// The concepts (心跳, 发烧) after whose mention the number is looked for.
    public let after: [String]
    /// Words after which the number is looked for too, when no concept leads to it (吃了 … 片, took … tablets).
    public let anchors: [String: [String]]?
    /// When given, the number counts only with one of these words within two units after it (片, 粒, tablet).
    public let unitsAfter: [String: [String]]?
    /// Units (a Chinese character or a Latin word) after that mention within which the number must start.
    public let within: Int
    /// The values it can be; a number outside (心跳一下, a pulse of 2000) is not this measure.
    public let plausible: [Double]
    /// Words that make the number something else when they follow it (一分钟, 两天, 3 days).
    public let notBefore: [String: [String]]
    /// The first range the value falls in says its concept.
    public let ranges: [ValueRange]
}
