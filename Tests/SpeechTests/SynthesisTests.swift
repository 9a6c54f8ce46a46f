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
        struct Spoken: Sendable { let phonemes: [String], samples: Int }
        @Sendable func speak(_ text: String) async throws -> Spoken {
            let voice = SpeechVoice.female.espeakName(for: .guess(for: text))
            let synthesis = try await EspeakEngine.shared.synthesize(text, voice: voice, rate: 160, pitch: 50)
            return Spoken(phonemes: synthesis.phonemes.map(\.name), samples: synthesis.samples.count)
        }
        let texts = CompanionReplies.chinese + CompanionReplies.english
        var alone: [Spoken] = []
        for text in texts { alone.append(try await speak(text)) }
        let together = try await withThrowingTaskGroup(of: (Int, Spoken).self) { group in
            for _ in 0..<3 {
                for (index, text) in texts.enumerated() { group.addTask { (index, try await speak(text)) } }
            }
            var results: [(Int, Spoken)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(together.count == texts.count * 3)
        for (index, spoken) in together {
            // Each caller hears its own reply: the same phonemes as when it was spoken alone. The audio's length
            // varies a little with what espeak-ng said before (up to ~0.1 s in a 6 s reply), and so do its word
            // events (see the test below); a mix-up is another reply altogether.
            #expect(spoken.phonemes == alone[index].phonemes, "text \(index)")
            #expect(abs(spoken.samples - alone[index].samples) < alone[index].samples / 20, "text \(index)")
        }
    }

    @Test func aWordReportedOutOfPlaceDoesNotSendTheCaptionsBack() {
        // What espeak-ng reported for a reply after certain others: the word at 2 again after 10, and one at 0.
        let spoken = SpeechNormalizer().normalize("one two three four five six seven", language: .en)
        let positions = [0, 4, 8, 0, 14, 19, 4, 24, 28]
        let events = positions.enumerated().map { SpokenWordEvent(position: $1, length: 3, startMs: $0 * 300) }
        let synthesis = Synthesis(samples: Array(repeating: 0, count: 22_050 * 3), sampleRate: 22_050, words: events, phonemes: [])
        let marks = SpeechTimings.words(synthesis, spoken: spoken, original: "one two three four five six seven")
        let starts = marks.map(\.start)
        #expect(starts == starts.sorted() && Set(starts).count == starts.count, "\(marks.map(\.text))")
        #expect(marks.map(\.startMs) == marks.map(\.startMs).sorted())
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
