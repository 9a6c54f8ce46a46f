// `make bench`: time to the first audio of a streamed reply, through HTTP against a running Companion in dev mode
// (built-in engine, speech made in the server's process). One patient sends each message of a JSONL file (`text`)
// as the first message of a new conversation with `Accept: text/event-stream` and speech, one at a time, and
// times the first `sentence` event (it comes with its audio's URL, word marks and visemes) from the moment the
// message is sent. A first sentence not spoken before in the run is made by the synthesiser; a repeated one comes
// from the speech cache: both are reported.
//
//   bench-stream BASE_URL MESSAGES.jsonl [messages=300] [format=mp3]
import Foundation
import Simulator

let arguments = CommandLine.arguments
guard arguments.count >= 3, let server = URL(string: arguments[1]) else {
    print("usage: bench-stream BASE_URL MESSAGES.jsonl [messages=300] [format=mp3]")
    exit(2)
}
let count = arguments.count > 3 ? Int(arguments[3]) ?? 300 : 300
let format = arguments.count > 4 ? arguments[4] : "mp3"

struct Message: Decodable { let text: String }
let lines = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n")
let messages = try lines.map { try JSONDecoder().decode(Message.self, from: Data($0.utf8)).text }

let session = try await PatientSession.signIn(server: server, phone: "13800137999")
try await session.consent()

var made: [Double] = []
var cached: [Double] = []
var whole: [Double] = []
var spoken = Set<String>()
var failures = 0
for index in 0..<count {
    let text = messages[index % messages.count]
    let conversation = try await session.startConversation(patientId: nil, language: text.unicodeScalars.first!.isASCII ? "en" : "zh")
    let start = ContinuousClock.now
    let streamed = try await session.sayStreaming(text, in: conversation.id, speech: format)
    let elapsed = ContinuousClock.now - start
    guard let first = streamed.sentences.first, first.speech != nil, let firstMs = streamed.firstSentenceMs,
        streamed.contractFailures(spoken: true).isEmpty
    else {
        failures += 1
        continue
    }
    if spoken.insert(first.text).inserted { made.append(firstMs) } else { cached.append(firstMs) }
    whole.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
}

func percentile(_ values: [Double], _ p: Double) -> String {
    guard !values.isEmpty else { return "-" }
    let sorted = values.sorted()
    return String(format: "%.1f", sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)])
}
func row(_ name: String, _ values: [Double]) {
    print("  \(name) (\(values.count)): p50 \(percentile(values, 0.5)) ms, p95 \(percentile(values, 0.95)) ms, max \(percentile(values, 1)) ms")
}
print("== Streamed replies: time to the first audio (\(format), \(count) first messages, one at a time) ==")
row("first sentence, all", made + cached)
row("first sentence newly synthesised", made)
row("first sentence from the speech cache", cached)
row("whole stream (every sentence spoken, then the reply)", whole)
print("  streams that broke the contract: \(failures)")
