// Conversation turn latency in-process (understanding, red flags, triage, knowledge retrieval, reply), without
// storage or speech: p50 and p99 over many turns. Run by `make bench` (release build).
import Clinical
import Dialogue
import Foundation

/// Fixed places, so the benchmark measures the conversation and not the directory.
struct FixedGuide: HospitalGuide {
    let place = Place(name: "儿科", building: "门诊楼", floor: "2", zone: "A", room: "201")
    func department(id: String, language: Language) async throws -> (name: String, place: Place)? { ("儿科", place) }
    func place(kind: String, hospitalId: String?, language: Language) async throws -> Place? { place }
    func departmentsBySpecialty(hospitalId: String?) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: ClinicalKnowledge.shipped.specialties.keys.map { ($0, "dept_" + $0) })
    }
}

let messages = [
    "孩子发烧三天了，最高38.5度", "我胸口痛", "没有出汗，也不气短", "头疼两天了，不是突然的", "停车场在哪里？", "抽血要空腹吗",
    "药房在哪里", "my son has a fever and a cough for two days", "where can I park?", "I have a mild headache", "转人工",
    "最近一直咳嗽，有痰，没有发烧", "拉肚子一天了，肚子有点疼", "血糖高，想看看", "孩子三岁，流鼻涕打喷嚏",
]
/// No appointments: the benchmark turns are about complaints and questions.
struct EmptyDesk: BookingDesk {
    func now() -> Date { Date() }
    func patients(accountId: String) async throws -> [PatientChoice] { [] }
    func slots(
        departmentId: String, day: Int?, period: String?, within24Hours: Bool, excludingDoctors: [String], limit: Int,
        language: Language
    ) async throws -> [SlotOption] { [] }
    func book(slotId: String, patientId: String, accountId: String, reason: String?, language: Language) async throws -> Visit {
        throw BookingRefusal.unavailable
    }
    func cancel(appointmentId: String, accountId: String) async throws {}
    func reschedule(appointmentId: String, toSlot slotId: String, accountId: String, language: Language) async throws -> Visit {
        throw BookingRefusal.unavailable
    }
    func visitToday(accountId: String, patientId: String?, language: Language) async throws -> Visit? { nil }
    func checkIn(appointmentId: String, accountId: String) async throws -> QueueInfo { throw BookingRefusal.notFound }
    func queue(appointmentId: String, accountId: String) async throws -> QueueInfo { throw BookingRefusal.notFound }
}

let policy = ConversationPolicy(guide: FixedGuide(), desk: EmptyDesk())
var samples: [Double] = []
let rounds = 2_000
for round in 0..<rounds {
    var state = ConversationState(language: .zh)
    for (index, message) in messages.enumerated() where (index + round) % 3 != 0 {
        let start = ContinuousClock.now
        _ = try await policy.respond(to: message, state: &state, accountId: "acct_bench", today: Today(year: 2026, month: 12, day: 2))
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
}
let sorted = samples.sorted()
let p50 = sorted[sorted.count / 2], p99 = sorted[sorted.count * 99 / 100]
print("== Conversation turn in-process (no storage, no speech), \(sorted.count) turns ==")
print(String(format: "  p50 %.3f ms   p99 %.3f ms   max %.3f ms", p50, p99, sorted.last ?? 0))

// Adversarial messages of 2,000 characters: understanding must stay linear whatever the content (target < 5 ms).
var generator = SystemRandomNumberGenerator()
let randomHan = String((0..<2_000).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &generator))!) })
let adversarial: [(String, String)] = [
    ("不咳 × 1000", String(repeating: "不咳", count: 1_000)), ("胸痛 × 1000", String(repeating: "胸痛", count: 1_000)),
    ("没 × 2000", String(repeating: "没", count: 2_000)), ("头 × 2000", String(repeating: "头", count: 2_000)),
    ("没有胸口疼， × 333", String(repeating: "没有胸口疼，", count: 333)), ("random CJK", randomHan),
    ("no chest pain,  × 133", String(repeating: "no chest pain, ", count: 133)), ("1 × 2000", String(repeating: "1", count: 2_000)),
]
let understanding = BuiltInUnderstanding()
print("== Understanding a 2,000-character message (median of 50, max) ==")
for (name, text) in adversarial {
    var times: [Double] = []
    for _ in 0..<50 {
        let start = ContinuousClock.now
        _ = understanding.understand(text, today: Today(year: 2026, month: 12, day: 2))
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    times.sort()
    print(String(format: "  %-24@ median %.3f ms   max %.3f ms", name as NSString, times[times.count / 2], times.last ?? 0))
}
