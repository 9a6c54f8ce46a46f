/// A knowledge file that cannot be used, with the file and line to fix.
public struct KnowledgeError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int
    public let message: String

    public var description: String { "\(file):\(line): \(message)" }
}
