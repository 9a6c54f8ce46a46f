import Foundation
import ModelRuntime

// Drafting speed of the built-in engine: a 30-turn and a 300-turn Chinese consultation (turns taken in order from
// ../shared/data/record_drafting_zh.dev.jsonl, or from a built-in consultation when the data is absent), drafted
// many times; prints p50 and p99. Usage: bench-drafting [path/to/record_drafting_zh.dev.jsonl]

let path = CommandLine.arguments.dropFirst().first ?? "../shared/data/record_drafting_zh.dev.jsonl"
let pool: [TranscriptTurn]
if let data = FileManager.default.contents(atPath: path), let consultations = try? Consultation.readLines(data) {
    pool = consultations.flatMap(\.transcript)
} else {
    let sample: [(Speaker, String)] = [
        (.patient, "孩子发烧三天了，最高39度5，还咳嗽，有痰。"), (.doctor, "有没有拉肚子？"), (.patient, "没有。"),
        (.doctor, "精神怎么样？吃饭呢？"), (.patient, "精神还可以，就是不想吃饭。"), (.doctor, "吃过什么药？"),
        (.patient, "吃了美林和小儿氨酚黄那敏。"), (.doctor, "考虑支气管炎，建议查血常规，多喝水，三天后复诊。"),
    ]
    pool = sample.map { TranscriptTurn(speaker: $0.0, text: $0.1) }
}

let drafter = BuiltInDrafter()
for (turns, runs) in [(30, 2_000), (300, 200)] {
    let transcript = (0..<turns).map { pool[$0 % pool.count] }
    let request = DraftRequest(transcript: transcript, template: .zhOutpatient)
    _ = drafter.draftNow(request)
    var times: [Double] = []
    var statements = 0
    for _ in 0..<runs {
        let start = ContinuousClock.now
        let draft = drafter.draftNow(request)
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
        statements = draft.sections.reduce(0) { $0 + $1.statements.count }
    }
    times.sort()
    let characters = transcript.reduce(0) { $0 + $1.text.count }
    print(
        String(
            format: "draft of %3d turns (%5d characters, %2d statements): p50 %.2f ms, p99 %.2f ms over %d runs",
            turns, characters, statements, times[times.count / 2], times[times.count * 99 / 100], runs))
}
