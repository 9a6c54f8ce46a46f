// Speech benchmark: in-process synthesis speed against real time, what MP3 and Opus encoding add, a request
// in-process against running the espeak-ng command per request (side by side, same texts, same run), and resident
// memory over 10,000 distinct syntheses. Run by `make bench` (release build).
import Foundation
import Speech

let replies = [
    "您好，我是您的就医助理。请问哪里不舒服？",
    "建议您挂儿科。明天上午还有号，要为您预约吗？",
    "已为您预约明天上午9:30的儿科门诊，挂号费50元，请提前15分钟到门诊二楼签到。",
    "体温38.5℃以上请及时就医。我不是医生，以上建议仅供参考。",
    "您的症状可能很危险，请立即拨打120或到急诊科就诊。",
    "抽血前需要空腹8小时，做B超前请憋尿，CT检查请去掉金属物品。",
    "您前面还有3位，预计等待约20分钟。",
    "请先到一楼收费处缴费，再到三楼检验科抽血，报告约2小时后可在手机上查看。",
    "药房在门诊一楼东侧，取药时请出示就诊卡。",
    "停车场在医院东门，医保卡请随身携带。",
]

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func residentMB() -> Double {
    let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
    let pages = Double(statm.split(separator: " ")[1]) ?? 0
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-speech-\(getpid())")
defer { try? FileManager.default.removeItem(at: folder) }
let service = SpeechService(cache: try SpeechCache(directory: folder, capacityBytes: 0))
try await EspeakEngine.shared.warmUp()

// 1. Chinese replies until 50 s of speech, as raw synthesis, then as WAV, MP3 and Opus files.
var requests: [SpeechRequest] = []
var speechMs = 0
while speechMs < 50_000 {
    let request = try SpeechRequest(text: replies[requests.count % replies.count], format: .wav)
    speechMs += try await service.make(request).0.durationMs
    requests.append(request)
}
var timings: [SpeechFormat: Double] = [:]
for format in [SpeechFormat.wav, .mp3, .opus] {
    let batch = try requests.map { try SpeechRequest(text: $0.text, format: format) }
    var best = Double.infinity
    for _ in 0..<5 {
        best = min(best, try await seconds { for request in batch { _ = try await service.make(request) } })
    }
    timings[format] = best
}
let wav = timings[.wav]!
print("== Speech synthesis (in-process, espeak-ng \(EspeakEngine.shared.version), best of 5) ==")
print(String(format: "%d Chinese replies, %.1f s of speech", requests.count, Double(speechMs) / 1000))
print(String(format: "  WAV  (normalise + synthesise + marks): %6.1f ms  = %4.0f× real time", wav * 1000, Double(speechMs) / 1000 / wav))
for format in [SpeechFormat.mp3, .opus] {
    let total = timings[format]!
    // The target's budget: 50 s of speech in 0.5 s, scaled to the speech measured here.
    let budget = Double(speechMs) / 1000 / 100
    print(
        String(
            format: "  %@ total %6.1f ms  = %4.0f× real time; encoding adds %3.0f%% to synthesis, %2.0f%% of the 100×-real-time budget",
            format.rawValue.uppercased().padding(toLength: 4, withPad: " ", startingAt: 0),
            total * 1000, Double(speechMs) / 1000 / total, (total - wav) / wav * 100, (total - wav) / budget * 100))
}

// 2. One request in-process against one run of the espeak-ng command (what a naive server does).
let perRequest = requests.prefix(20)
let inProcess = try await seconds { for request in perRequest { _ = try await service.make(request) } } / Double(perRequest.count)
let output = folder.appendingPathComponent("cli.wav").path
let command =
    try await seconds {
        for request in perRequest {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/espeak-ng")
            process.arguments = ["-v", "cmn-latn-pinyin+f3", "-s", "160", "-w", output, request.text]
            try process.run()
            process.waitUntilExit()
        }
    } / Double(perRequest.count)
print("== Per request, same \(perRequest.count) replies ==")
print(String(format: "  in-process (WAV, with marks): %6.2f ms", inProcess * 1000))
print(String(format: "  espeak-ng command per request: %6.2f ms  (%.0f× slower, and no marks)", command * 1000, command / inProcess))

// 3. Resident memory over 10,000 distinct syntheses.
print("== Resident memory over 10,000 distinct syntheses (MP3) ==")
var line = ""
for index in 1...10_000 {
    let text = replies[index % replies.count] + "编号\(index)。"
    _ = try await service.make(SpeechRequest(text: text, format: .mp3))
    if [1, 1_000, 5_000, 10_000].contains(index) { line += String(format: "  after %5d: %.1f MB", index, residentMB()) }
}
print(line)
