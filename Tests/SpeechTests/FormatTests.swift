import Foundation
import Testing
@testable import Speech

/// Every format is decoded by an independent decoder from Debian, and lasts as long as the WAV.
struct FormatTests {
    @Test(arguments: [SpeechFormat.wav, .mp3, .opus])
    func independentDecodersPlayTheWholeReply(format: SpeechFormat) async throws {
        try await withSpeechService { service in
            let text = CompanionReplies.chinese[2]
            let wav = try await service.speak(SpeechRequest(text: text, language: .zh, format: .wav))
            let result = try await service.speak(SpeechRequest(text: text, language: .zh, format: format))
            let audio = try #require(await service.audio(key: result.key))
            #expect(audio.format == format)
            let bytes = try await audio.file.readAll()
            #expect(bytes.count == result.byteCount && audio.file.byteCount == result.byteCount)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decode-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let encoded = folder.appendingPathComponent("reply.\(format.rawValue)")
            let decoded = folder.appendingPathComponent("decoded.wav")
            try Data(bytes).write(to: encoded)
            let status: Int32
            switch format {
            case .wav: status = try run(["sox", encoded.path, decoded.path])
            case .mp3: status = try run(["mpg123", "-q", "-w", decoded.path, encoded.path])
            case .opus: status = try run(["opusdec", "--quiet", encoded.path, decoded.path])
            }
            #expect(status == 0, "the decoder refused the \(format) file")
            let decodedMs = try wavDurationMs(decoded)
            #expect(abs(decodedMs - wav.durationMs) <= 20, "\(format): decoded \(decodedMs) ms, WAV \(wav.durationMs) ms")
            #expect(wav.durationMs > 3000)
            if format != .wav { #expect(bytes.count < wav.byteCount / 5, "\(format) is not compressed") }
        }
    }
}
