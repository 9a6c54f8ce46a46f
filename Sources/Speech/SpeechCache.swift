import Foundation

/// Synthesised audio on disk under the data folder, found by its content address, with a size cap: when the audio
/// kept passes the cap, the least recently used goes first. Each entry is two files, `KEY.audio` and `KEY.json`
/// (its `SpeechResult`); the JSON is written last, so an entry without one is unfinished and ignored.
///
/// Replies can name a patient and their visit, so no entry is kept longer than `maxAge` after it was made, however
/// often it is used: it is deleted at the next start-up, store or look-up after that. With `sealing`, both files are
/// sealed and a sealed entry's audio is opened into memory to be sent (a reply's audio is small).
public actor SpeechCache {
    /// The audio, opened for reading, and what it is.
    public struct Audio: Sendable {
        public var file: AudioFile
        public var format: SpeechFormat
    }

    private struct Entry {
        var result: SpeechResult
        var bytes: Int
        var lastUsed: UInt64
        var made: Date
    }

    public nonisolated let directory: URL
    public nonisolated let capacityBytes: Int
    /// How long an entry may be kept after it was made.
    public nonisolated let maxAge: TimeInterval
    /// How the files are sealed and named; nil keeps them plain (tests of the cache alone).
    public nonisolated let sealing: SpeechSealing?
    private let now: @Sendable () -> Date
    private var entries: [String: Entry] = [:]
    private var totalBytes = 0
    private var tick: UInt64 = 0
    private var lastExpiry = Date.distantPast

    /// Opens (creating if needed) the cache in `directory`; entries already there are kept, oldest first in line, but
    /// those made more than `maxAge` ago are deleted.
    public init(
        directory: URL, capacityBytes: Int, maxAge: TimeInterval = 7 * 86_400,
        sealing: SpeechSealing? = nil, now: @escaping @Sendable () -> Date = Date.init
    )
        throws(SpeechError)
    {
        self.directory = directory
        self.capacityBytes = capacityBytes
        self.maxAge = maxAge
        self.sealing = sealing
        self.now = now
        let opened = now()
        lastExpiry = opened
        let files = FileManager.default
        do {
            try files.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let names = try files.contentsOfDirectory(atPath: directory.path)
            var found: [(Date, String, Entry)] = []
            for name in names where name.hasSuffix(".json") {
                let key = String(name.dropLast(5))
                let audioURL = directory.appendingPathComponent(key + ".audio")
                guard let stored = files.contents(atPath: directory.appendingPathComponent(name).path),
                    let data = try? sealing?.open(stored) ?? stored,
                    let result = try? JSONDecoder().decode(SpeechResult.self, from: data),
                    let attributes = try? files.attributesOfItem(atPath: audioURL.path),
                    let size = attributes[.size] as? Int
                else {
                    // What no key here opens is of no use to anyone: a sealed entry from a lost key.
                    if sealing != nil { Self.deleteFiles(of: key, in: directory) }
                    continue
                }
                let made = (attributes[.modificationDate] as? Date) ?? .distantPast
                guard opened.timeIntervalSince(made) <= maxAge else {
                    Self.deleteFiles(of: key, in: directory)
                    continue
                }
                found.append((made, key, Entry(result: result, bytes: size, lastUsed: 0, made: made)))
            }
            for (_, key, entry) in found.sorted(by: { $0.0 < $1.0 }) {
                tick += 1
                entries[key] = Entry(result: entry.result, bytes: entry.bytes, lastUsed: tick, made: entry.made)
                totalBytes += entry.bytes
            }
        } catch {
            throw .engineFailed("speech cache at \(directory.path): \(error)")
        }
    }

    /// The stored result for a key, counting as a use.
    public func result(for key: String) -> SpeechResult? {
        removeExpiredNowAndThen()
        guard entries[key] != nil else { return nil }
        tick += 1
        entries[key]!.lastUsed = tick
        return entries[key]!.result
    }

    /// The audio for a key opened for reading, counting as a use; nil when unknown or evicted.
    public func audio(for key: String) -> Audio? {
        removeExpiredNowAndThen()
        guard let entry = entries[key], let format = SpeechFormat(rawValue: entry.result.format), let file = openAudio(key) else { return nil }
        tick += 1
        entries[key]!.lastUsed = tick
        return Audio(file: file, format: format)
    }

    /// Keeps a new entry, then evicts the least recently used until the cache is under its cap.
    public func store(_ audio: [UInt8], result: SpeechResult) throws(SpeechError) {
        let key = result.key
        do {
            try sealed(Data(audio)).write(to: audioURL(key), options: .atomic)
            try sealed(try JSONEncoder().encode(result)).write(to: directory.appendingPathComponent(key + ".json"), options: .atomic)
        } catch {
            throw .engineFailed("speech cache write: \(error)")
        }
        if let old = entries[key] { totalBytes -= old.bytes }
        tick += 1
        entries[key] = Entry(result: result, bytes: audio.count, lastUsed: tick, made: now())
        totalBytes += audio.count
        removeExpiredNowAndThen()
        evictIfOverCapacity(keeping: key)
    }

    /// Bytes of audio kept now.
    public var storedBytes: Int { totalBytes }

    /// How many entries are kept now.
    public var count: Int { entries.count }

    private func evictIfOverCapacity(keeping newest: String) {
        guard totalBytes > capacityBytes else { return }
        // Down to 90% of the cap, so that a full cache does not evict on every store.
        let target = capacityBytes * 9 / 10
        for (key, entry) in entries.sorted(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            guard totalBytes > target, key != newest else { break }
            remove(key, entry)
        }
    }

    /// Looks for expired entries at most once a minute: the look is a pass over every entry.
    /// Deletes the entries of these keys and their files (what was said to a deleted account).
    public func remove(keys: some Sequence<String>) {
        for key in keys {
            if let entry = entries[key] { remove(key, entry) } else { Self.deleteFiles(of: key, in: directory) }
        }
    }

    private func removeExpiredNowAndThen() {
        guard now().timeIntervalSince(lastExpiry) >= 60 else { return }
        removeExpired()
    }

    private func removeExpired() {
        let current = now()
        lastExpiry = current
        for (key, entry) in entries where current.timeIntervalSince(entry.made) > maxAge { remove(key, entry) }
    }

    private func remove(_ key: String, _ entry: Entry) {
        Self.deleteFiles(of: key, in: directory)
        entries[key] = nil
        totalBytes -= entry.bytes
    }

    private static func deleteFiles(of key: String, in directory: URL) {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(key + ".json"))
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(key + ".audio"))
    }

    private func sealed(_ data: Data) throws -> Data { try sealing?.seal(data) ?? data }

    private func openAudio(_ key: String) -> AudioFile? {
        guard let sealing else { return AudioFile(url: audioURL(key)) }
        guard let stored = FileManager.default.contents(atPath: audioURL(key).path), let audio = try? sealing.open(stored) else { return nil }
        return AudioFile(bytes: audio)
    }

    private func audioURL(_ key: String) -> URL { directory.appendingPathComponent(key + ".audio") }
}
