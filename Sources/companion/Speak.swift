import ArgumentParser
import Foundation
import Speech

struct Speak: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say a text with the companion's voice and write the audio to a file.",
        discussion: "Example: companion speak \"请到三楼儿科签到\" --lang zh --format mp3 -o out.mp3")

    @Argument(help: "What to say.")
    var text: String

    @Option(help: "zh or en; guessed from the text when left out.")
    var lang: String?

    @Option(help: "wav, mp3 or opus.")
    var format = "mp3"

    @Option(help: "female or male.")
    var voice = "female"

    @Option(help: "Speaking rate, 0.5 to 2 times normal.")
    var rate = 1.0

    @Option(help: "Pitch, 0.5 to 1.5 times normal.")
    var pitch = 1.0

    @Option(name: .shortAndLong, help: "Where to write the audio.")
    var output: String

    @Option(help: "Also write the word and viseme marks as JSON to this file.")
    var marks: String?

    func run() async throws {
        let request = try SpeechRequest(
            text: text, language: try choice(lang, option: "--lang"), voice: try choice(voice, option: "--voice")!,
            format: try choice(format, option: "--format")!, rate: rate, pitch: pitch)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("companion-speak-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = SpeechService(cache: try SpeechCache(directory: folder, capacityBytes: 0))
        let (result, audio) = try await service.make(request)
        try Data(audio).write(to: URL(fileURLWithPath: output))
        if let marks {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            try encoder.encode(result).write(to: URL(fileURLWithPath: marks))
        }
        let seconds = String(format: "%.2f", Double(result.durationMs) / 1000)
        print("wrote \(output): \(seconds) s of \(request.format.rawValue), \(result.words.count) words, \(result.visemes.count) visemes")
    }

    /// A named choice through the same reading the API uses; a refusal names the flag.
    private func choice<Value: RawRepresentable & CaseIterable>(_ raw: String?, option: String) throws -> Value? where Value.RawValue == String {
        do {
            return try SpeechChoice.parse(raw, field: option)
        } catch .unsupported(_, let allowed) {
            throw ValidationError("\(option) must be one of: \(allowed.joined(separator: ", "))")
        }
    }
}
