import Foundation
@testable import Speech

/// A speech service over a cache in a fresh temporary folder.
func withSpeechService<T>(capacityBytes: Int = 64 << 20, _ body: (SpeechService) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speech-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let cache = try SpeechCache(directory: directory, capacityBytes: capacityBytes)
    return try await body(SpeechService(cache: cache))
}

/// Replies the companion gives, as the patient hears them.
enum CompanionReplies {
    static let chinese = [
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

    static let english = [
        "Hello, I am your hospital companion. What brings you in today?",
        "I suggest the pediatrics clinic. There are places tomorrow morning at 9:30. Shall I book one?",
        "If your temperature is above 38.5°C, please see a doctor. I am not a doctor.",
        "Your symptoms may be serious. Call 120 now or go to the emergency department.",
    ]
}

/// Runs a decoder from Debian and returns its exit status.
@discardableResult
func run(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

/// The duration in milliseconds of a WAV file, read from its header.
func wavDurationMs(_ url: URL) throws -> Int {
    let bytes = [UInt8](try Data(contentsOf: url))
    func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    // Walk the chunks: decoders may put LIST chunks before "data".
    var offset = 12
    var rate = 0, blockAlign = 0
    while offset + 8 <= bytes.count {
        let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
        let size = u32(offset + 4)
        if id == "fmt " {
            rate = u32(offset + 12)
            blockAlign = u16(offset + 20)
        } else if id == "data" {
            let dataSize = min(size, bytes.count - offset - 8)
            return dataSize / blockAlign * 1000 / rate
        }
        offset += 8 + size + (size & 1)
    }
    return -1
}
