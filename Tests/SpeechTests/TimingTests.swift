import Testing
@testable import Speech

struct TimingTests {
    @Test func wordMarksPointAtTheOriginalText() async throws {
        try await withSpeechService { service in
            let text = "体温38.5℃，请9:30到2楼。"
            let result = try await service.speak(SpeechRequest(text: text, format: .wav))
            let words = result.words.map(\.text)
            #expect(words.contains("38.5℃"))
            #expect(words.contains("9:30"))
            #expect(words.contains("体"))
            #expect(!words.contains { $0.contains("三") })
            let utf16 = Array(text.utf16)
            for mark in result.words {
                #expect(String(decoding: utf16[mark.start..<mark.end], as: UTF16.self) == mark.text)
            }
        }
    }

    @Test(arguments: CompanionReplies.chinese.prefix(4) + CompanionReplies.english)
    func marksAreInOrderAndInsideTheAudio(reply: String) async throws {
        try await withSpeechService { service in
            let result = try await service.speak(SpeechRequest(text: reply, format: .wav))
            #expect(result.words.count >= 5)
            #expect(result.visemes.count >= result.words.count)
            expectWellFormed(result, text: reply)
        }
    }

    @Test func englishWordsAreWholeWords() async throws {
        try await withSpeechService { service in
            let result = try await service.speak(SpeechRequest(text: "Please go to the pharmacy at 9:30.", format: .wav))
            #expect(result.words.map(\.text) == ["Please", "go", "to", "the", "pharmacy", "at", "9:30"])
        }
    }

    @Test func pausesAreSilentAndLipsCloseOnBilabials() async throws {
        try await withSpeechService { service in
            let result = try await service.speak(SpeechRequest(text: "妈妈，爸爸。", format: .wav))
            let ids = result.visemes.map(\.id)
            #expect(ids.contains(Viseme.PP.rawValue))
            #expect(ids.contains(Viseme.aa.rawValue))
            #expect(ids.contains(Viseme.sil.rawValue))
        }
    }
}

/// Marks a phone can animate without checks of its own: ordered, inside the audio, on the original text.
func expectWellFormed(_ result: SpeechResult, text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let utf16 = Array(text.utf16)
    var previous = 0
    for mark in result.words {
        #expect(
            mark.startMs >= previous && mark.startMs <= mark.endMs && mark.endMs <= result.durationMs,
            "word \(mark) in \(result.durationMs) ms", sourceLocation: sourceLocation)
        #expect(mark.start < mark.end && mark.end <= utf16.count, sourceLocation: sourceLocation)
        if mark.end <= utf16.count, mark.start < mark.end {
            #expect(String(decoding: utf16[mark.start..<mark.end], as: UTF16.self) == mark.text, sourceLocation: sourceLocation)
        }
        previous = mark.startMs
    }
    previous = 0
    for mark in result.visemes {
        #expect(mark.startMs >= previous && mark.startMs <= result.durationMs, sourceLocation: sourceLocation)
        #expect(Viseme(rawValue: mark.id) != nil, sourceLocation: sourceLocation)
        previous = mark.startMs
    }
}
