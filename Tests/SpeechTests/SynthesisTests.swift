import Foundation
import Testing
@testable import Speech

struct SynthesisTests {
    @Test(arguments: CompanionReplies.chinese)
    func chineseRepliesAreSpokenAsMandarinThroughout(reply: String) async throws {
        let spoken = SpeechNormalizer().normalize(reply, language: .zh)
        let trace = try await EspeakEngine.shared.phonemeTrace(spoken.text, voice: SpeechVoice.female.espeakName(for: .zh))
        #expect(!trace.isEmpty)
        #expect(!trace.contains("(en)"), "switched to English: \(trace)")
    }

    @Test func theCheckAboveCatchesAVoiceThatSwitchesToEnglish() async throws {
        // Debian's plain `cmn` voice reads many characters as pinyin spelled in English.
        let trace = try await EspeakEngine.shared.phonemeTrace(CompanionReplies.chinese[1], voice: "cmn")
        #expect(trace.contains("(en)"))
    }

    @Test func concurrentCallersEachGetTheirOwnSpeech() async throws {
        let texts = CompanionReplies.chinese + CompanionReplies.english
        var alone: [Int] = []
        for text in texts {
            let voice = SpeechVoice.female.espeakName(for: .guess(for: text))
            alone.append(try await EspeakEngine.shared.synthesize(text, voice: voice, rate: 160, pitch: 50).samples.count)
        }
        let together = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for round in 0..<3 {
                for (index, text) in texts.enumerated() {
                    group.addTask {
                        let voice = SpeechVoice.female.espeakName(for: .guess(for: text))
                        let synthesis = try await EspeakEngine.shared.synthesize(text, voice: voice, rate: 160, pitch: 50)
                        return (index + round * 0, synthesis.samples.count)
                    }
                }
            }
            var counts: [(Int, Int)] = []
            for try await result in group { counts.append(result) }
            return counts
        }
        #expect(together.count == texts.count * 3)
        for (index, count) in together {
            // espeak-ng's output varies a little with what was said before (up to ~0.1 s in a 6 s reply, with other
            // tests speaking at the same time); a mix-up would be another reply: the nearest length must be its own.
            let nearest = alone.indices.min { abs(alone[$0] - count) < abs(alone[$1] - count) }!
            #expect(alone[nearest] == alone[index], "text \(index): \(count) samples, nearest to text \(nearest)")
            #expect(abs(count - alone[index]) < alone[index] / 20, "text \(index): \(count) vs \(alone[index]) samples")
        }
    }

    @Test func fasterSpeechIsShorterAndHigherPitchStillSpeaks() async throws {
        try await withSpeechService { service in
            let text = CompanionReplies.chinese[2]
            let normal = try await service.speak(SpeechRequest(text: text, format: .wav))
            let fast = try await service.speak(SpeechRequest(text: text, format: .wav, rate: 1.5))
            let high = try await service.speak(SpeechRequest(text: text, format: .wav, pitch: 1.4))
            #expect(fast.durationMs < normal.durationMs * 80 / 100)
            #expect(high.key != normal.key)
            #expect(abs(high.durationMs - normal.durationMs) < normal.durationMs / 10)
        }
    }
}
