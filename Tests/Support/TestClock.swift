import Foundation
import Storage

/// The wall clock the tests run on. Normally the real one; with `COMPANION_TEST_SHANGHAI_TIME=HH:MM` it starts at
/// that time of today's date in Shanghai and runs on from there, so the whole suite can be run at the hours of the
/// hospital's day that matter (night, the release minute, the cut-off hours): `scripts/test-at-hours.sh`.
public enum TestClock {
    /// The faked Shanghai time of day, `HH:MM`, when the environment sets one.
    public static let shanghaiTime = ProcessInfo.processInfo.environment["COMPANION_TEST_SHANGHAI_TIME"]

    /// A fresh clock at the faked time (or the real time), running on.
    public static func wall() -> OffsetClock {
        let clock = OffsetClock()
        if let start = fakedStart { clock.set(start) }
        return clock
    }

    private static let fakedStart: Date? = {
        guard let text = shanghaiTime else { return nil }
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
            fatalError("COMPANION_TEST_SHANGHAI_TIME must be HH:MM, not \(text)")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        var day = calendar.dateComponents([.year, .month, .day], from: Date())
        day.hour = parts[0]
        day.minute = parts[1]
        return calendar.date(from: day)
    }()
}
