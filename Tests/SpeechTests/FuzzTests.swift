import Testing
@testable import Speech

/// The engine survives whatever text arrives: 10,000 random strings of mixed scripts, emoji, control characters,
/// numbers and symbols, each normalised and spoken, with well-formed marks for every one.
struct FuzzTests {
    static let pools: [[Unicode.Scalar]] = [
        Array("您好请到三楼儿科挂号体温血压发烧咳嗽头痛药房急诊明天上午下午".unicodeScalars),
        Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars),
        Array("0123456789０１２３".unicodeScalars),
        Array(".,!?;:，。！？；：、…—-~～/%℃°()（）[]【】<>《》\"'“”*#_`@&+=|\\^{}".unicodeScalars),
        Array(" \t\n\u{3000}".unicodeScalars),
        Array("😊👍🏻❤️✔☎©®™\u{200D}\u{FE0F}\u{20E3}".unicodeScalars),
        [Unicode.Scalar(0)!, Unicode.Scalar(7)!, Unicode.Scalar(0x1B)!, Unicode.Scalar(0x7F)!, Unicode.Scalar(0x85)!],
        Array("éàüßñçøåЖюЯ한국어العربيةहिन्दीไทย\u{0301}\u{0308}".unicodeScalars),
        Array("mgmlmmHgCTICUMRIB超次/分".unicodeScalars),
    ]

    @Test func tenThousandRandomStringsAreSpokenOrRefusedCleanly() async throws {
        var random = SplitMix64(seed: 20261129)
        try await withSpeechService(capacityBytes: 0) { service in
            var spoken = 0
            for _ in 0..<10_000 {
                let text = Self.randomText(&random)
                let request: SpeechRequest
                do {
                    request = try SpeechRequest(text: text, language: random.next() % 2 == 0 ? .zh : .en, format: .wav)
                } catch {
                    #expect((error as? SpeechError) == .emptyText, "\(error) for \(text.debugDescription)")
                    continue
                }
                do {
                    let (result, audio) = try await service.make(request)
                    expectWellFormed(result, text: text)
                    #expect(audio.count == 44 + result.durationMs * result.sampleRate / 1000 * 2 || audio.count > 44)
                    spoken += 1
                } catch {
                    #expect((error as? SpeechError) == .emptyText, "\(error) for \(text.debugDescription)")
                }
            }
            #expect(spoken > 8_000)
        }
    }

    static func randomText(_ random: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int(random.next() % 40 + 1) {
            let pool = pools[Int(random.next() % UInt64(pools.count))]
            scalars.append(pool[Int(random.next() % UInt64(pool.count))])
        }
        return String(scalars)
    }
}

/// A small seeded generator, so a failure can be replayed.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
