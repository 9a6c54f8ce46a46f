// `make bench` part two: the release-minute rush through HTTP against a running Companion in dev mode.
// 1,000 patients (each its own account) book 300 places at 64 concurrent connections while 16 more connections
// read GET /v1/slots; prints throughput, latency percentiles and whether any slot was overbooked.
//
//   bench-rush BASE_URL ADMIN_USER ADMIN_PASSWORD [patients] [concurrency]
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    print("usage: bench-rush BASE_URL ADMIN_USER ADMIN_PASSWORD [patients=1000] [concurrency=64]")
    exit(2)
}
let base = arguments[1]
let patients = arguments.count > 4 ? Int(arguments[4]) ?? 1000 : 1000
let concurrency = arguments.count > 5 ? Int(arguments[5]) ?? 64 : 64
let readerCount = arguments.count > 6 ? Int(arguments[6]) ?? 16 : 16
var configuration = HTTPClient.Configuration()
configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 200)
let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)

struct Failure: Error, CustomStringConvertible { let description: String }

/// A request with JSON sent, and the JSON object answered (set-up steps, which read what they are given).
func call(_ method: HTTPMethod, _ path: String, json: [String: Any]? = nil, token: String? = nil) async throws -> (Int, [String: Any]) {
    let body = try json.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
    let (status, answer) = try await send(method, path, body: body, token: token)
    let object = (try? JSONSerialization.jsonObject(with: Data(answer.readableBytesView))) as? [String: Any] ?? [:]
    return (status, object)
}

/// A request of the rush: the whole answer is received but not parsed, so that on a machine it shares with the
/// server the load generator spends as little CPU as it can (it runs on the same two cores).
func status(_ method: HTTPMethod, _ path: String, body: String? = nil, token: String? = nil) async throws -> Int {
    try await send(method, path, body: body.map { ByteBuffer(string: $0) }, token: token).status
}

/// Sends one request (a JSON body when given) and receives the whole answer.
func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer?, token: String?) async throws -> (status: Int, body: ByteBuffer) {
    var request = HTTPClientRequest(url: base + path)
    request.method = method
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let body {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(body)
    }
    let response = try await client.execute(request, timeout: .seconds(30))
    return (Int(response.status.code), try await response.body.collect(upTo: 4 << 20))
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// "p50 12.3 p99 45.6" for the given percentiles of some latencies.
func percentiles(_ latencies: [Double], _ ps: [Int] = [50, 99]) -> String {
    let sorted = latencies.sorted()
    return ps.map { "p\($0) \(String(format: "%.1f", percentile(sorted, Double($0) / 100)))" }.joined(separator: " ")
}

// An admin opens a session on a day after the seeded schedule: 10 slots of 30 places, released already.
let (_, adminTokens) = try await call(.POST, "/v1/auth/staff-token", json: ["username": arguments[2], "password": arguments[3]])
guard let admin = adminTokens["accessToken"] as? String else { throw Failure(description: "admin login failed: \(adminTokens)") }
var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
let day = calendar.date(byAdding: .day, value: Int.random(in: 20...400), to: Date())!
let parts = calendar.dateComponents([.year, .month, .day], from: day)
let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
let (status, session) = try await call(
    .POST, "/v1/admin/sessions",
    json: [
        "doctorId": "doc_emergency_1", "date": date, "period": "evening", "start": "18:00", "end": "22:00",
        "slotMinutes": 24, "capacityPerSlot": 30, "fee": 20, "releaseAt": ISO8601DateFormatter().string(from: Date().addingTimeInterval(-60)),
    ], token: admin)
guard status == 201, let slotObjects = session["slots"] as? [[String: Any]] else { throw Failure(description: "session: \(status) \(session)") }
let slotIds = slotObjects.compactMap { $0["id"] as? String }
print("session \(session["id"] ?? "") on \(date): \(slotIds.count) slots, \(slotIds.count * 30) places")

// Patients log in and create a profile, 32 at a time.
print("logging in \(patients) patients…")
var people: [(token: String, patient: String)] = []
for batch in stride(from: 0, to: patients, by: 32) {
    let made = try await withThrowingTaskGroup(of: (String, String).self) { group in
        for n in batch..<min(batch + 32, patients) {
            group.addTask {
                let phone = "1\(7_000_000_000 + n)"
                let (_, otp) = try await call(.POST, "/v1/auth/otp", json: ["phone": phone])
                guard let code = otp["devCode"] as? String else { throw Failure(description: "no devCode: is the server in dev mode?") }
                let (_, tokens) = try await call(.POST, "/v1/auth/token", json: ["phone": phone, "code": code])
                let token = tokens["accessToken"] as! String
                let (_, profile) = try await call(
                    .POST, "/v1/patients", json: ["name": "压测", "gender": "male", "birthDate": "1990-01-01"], token: token)
                return (token, profile["id"] as! String)
            }
        }
        var made: [(String, String)] = []
        for try await pair in group { made.append(pair) }
        return made
    }
    people += made.map { (token: $0.0, patient: $0.1) }
}

actor Tally {
    var latencies: [Double] = []
    var statuses: [Int: Int] = [:]
    /// The latencies of 201 answers (the bookings that waited for the writer) and of the others, apart.
    var byOutcome: (booked: [Double], refused: [Double]) = ([], [])
    func add(_ ms: Double, _ status: Int) {
        latencies.append(ms)
        statuses[status, default: 0] += 1
        if status == 201 { byOutcome.booked.append(ms) } else { byOutcome.refused.append(ms) }
    }
}
let bookings = Tally()
let reads = Tally()
let stop = ManagedFlag()

final class ManagedFlag: @unchecked Sendable {
    // Set once by the main task, read by the readers; a lock keeps it well-defined.
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

// The patients have the app open before the release minute: the rush's connections are established beforehand
// (80 requests at once make the client open 80 connections, which it keeps for the rush).
try await withThrowingTaskGroup(of: Int.self) { group in
    for _ in 0..<(concurrency + readerCount) { group.addTask { try await status(.GET, "/readyz") } }
    for try await answer in group where answer != 200 { throw Failure(description: "readyz: \(answer)") }
}

print("rush: \(patients) bookings at \(concurrency) connections, \(readerCount) connections reading /v1/slots…")
let started = ContinuousClock.now
try await withThrowingTaskGroup(of: Void.self) { group in
    for reader in 0..<readerCount {
        group.addTask {
            while !stop.isSet {
                let t0 = ContinuousClock.now
                let status = try await status(.GET, "/v1/slots?doctorId=doc_emergency_1&date=\(date)&period=evening")
                await reads.add(milliseconds(ContinuousClock.now - t0), status)
                _ = reader
            }
        }
    }
    let queue = people.enumerated().map { $0 }
    let next = Counter()
    var workers: [Task<Void, any Error>] = []
    for _ in 0..<concurrency {
        workers.append(
            Task {
                while let index = next.take(below: queue.count) {
                    let person = queue[index].element
                    let slot = slotIds[index % slotIds.count]
                    let t0 = ContinuousClock.now
                    let status = try await status(
                        .POST, "/v1/appointments", body: #"{"slotId":"\#(slot)","patientId":"\#(person.patient)"}"#, token: person.token)
                    let elapsed = ContinuousClock.now - t0
                    await bookings.add(milliseconds(elapsed), status)
                }
            })
    }
    for worker in workers { try await worker.value }
    stop.set()
    try await group.waitForAll()
}
let elapsed = ContinuousClock.now - started
let seconds = milliseconds(elapsed) / 1000

final class Counter: @unchecked Sendable {
    // A lock guards `value`; workers take indices one at a time.
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }; defer { value += 1 }; return value
        }
    }
}

let bookingLatencies = await bookings.latencies
let readLatencies = await reads.latencies
let statuses = await bookings.statuses
let (bookedLatencies, refusedLatencies) = await bookings.byOutcome
// Availability answers are cached for a second: wait that out so the check reads the live counts.
try await Task.sleep(for: .milliseconds(1100))
var overbooked = 0
var remaining = 0
let (_, after) = try await call(.GET, "/v1/slots?doctorId=doc_emergency_1&date=\(date)&period=evening")
for slot in after["items"] as? [[String: Any]] ?? [] {
    let left = slot["remaining"] as? Int ?? 0
    remaining += left
    if left < 0 { overbooked += 1 }
}
let booked = statuses[201, default: 0]
print(
    """

    == Release-minute rush (\(patients) patients, \(slotIds.count * 30) places, \(concurrency) connections) ==
    booking requests answered: \(bookingLatencies.count) in \(String(format: "%.2f", seconds)) s = \(String(format: "%.0f", Double(bookingLatencies.count) / seconds)) req/s
    statuses: \(statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "))
    booked \(booked), places left \(remaining), overbooked: \(booked + remaining == slotIds.count * 30 && overbooked == 0 ? "no" : "YES")
    booking latency ms: \(percentiles(bookingLatencies, [50, 95, 99])) (booked: \(percentiles(bookedLatencies)); refused: \(percentiles(refusedLatencies)))
    GET /v1/slots during the rush: \(readLatencies.count) reads, latency ms: \(percentiles(readLatencies))
    """)
try await client.shutdown().get()
