@testable import Storage
import Testing

/// The write-ahead log is folded into the database file during pauses in the writes, never in the middle of a
/// burst of commits, but at the latest a few seconds after the last time, however long the writes go on.
struct CheckpointPolicyTests {
    let policy = CheckpointPolicy(spacing: .seconds(1), quiet: .milliseconds(100), atLatest: .seconds(3))
    let start = ContinuousClock.now

    func due(atMilliseconds now: Int, lastCheckpoint: Int, lastCommit: Int?) -> Bool {
        policy.isDue(
            now: start + .milliseconds(now), lastCheckpoint: start + .milliseconds(lastCheckpoint),
            lastCommit: lastCommit.map { start + .milliseconds($0) })
    }

    @Test("a checkpoint waits for a pause in the commits, at most a few seconds, and for its spacing")
    func waitsForAPause() {
        #expect(due(atMilliseconds: 1_000, lastCheckpoint: 0, lastCommit: nil), "nothing written yet")
        #expect(due(atMilliseconds: 1_200, lastCheckpoint: 0, lastCommit: 1_050), "quiet for 150 ms")
        #expect(!due(atMilliseconds: 1_200, lastCheckpoint: 0, lastCommit: 1_180), "a commit 20 ms ago: a rush is on")
        #expect(!due(atMilliseconds: 2_990, lastCheckpoint: 0, lastCommit: 2_985), "still writing, under 3 s")
        #expect(due(atMilliseconds: 3_000, lastCheckpoint: 0, lastCommit: 2_999), "writing for 3 s: the log must not grow on")
        #expect(!due(atMilliseconds: 900, lastCheckpoint: 0, lastCommit: 100), "a second between checkpoints")
    }
}
