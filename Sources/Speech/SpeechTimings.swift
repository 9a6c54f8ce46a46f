/// Word marks and the viseme track, from what espeak-ng reported while speaking the normalised text.
enum SpeechTimings {
    /// One mark per word of the original: every event inside a rewritten stretch ("38.5℃" said as eight
    /// syllables) becomes one mark spanning it. A word ends at the pause after it, or where the next one starts.
    static func words(_ synthesis: Synthesis, spoken: SpokenText, original: String) -> [WordMark] {
        let originalScalars = Array(original.unicodeScalars)
        var utf16Offsets = [0]
        utf16Offsets.reserveCapacity(originalScalars.count + 1)
        for scalar in originalScalars { utf16Offsets.append(utf16Offsets.last! + scalar.utf16.count) }

        let duration = synthesis.durationMs
        // In text order only: after some utterances espeak-ng reports a word again out of place (position 2 after
        // 10, or 0 in the middle); such an event would send the captions back.
        var lastPosition = -1
        let events = synthesis.words.filter { event in
            guard event.length > 0, event.position > lastPosition else { return false }
            lastPosition = event.position
            return true
        }
        let pauses = synthesis.phonemes.filter { $0.name.hasPrefix("_") }.map(\.startMs)
        var marks: [(range: Range<Int>, startMs: Int, endMs: Int)] = []
        for (index, event) in events.enumerated() {
            guard let range = spoken.originalRange(ofSpoken: event.position..<(event.position + event.length)) else { continue }
            let startMs = min(max(event.startMs, marks.last?.startMs ?? 0), duration)
            let nextStart = index + 1 < events.count ? events[index + 1].startMs : duration
            let pause = pauses.first { $0 > startMs && $0 < nextStart }
            let endMs = min(max(pause ?? nextStart, startMs), duration)
            if let last = marks.last, last.range.overlaps(range) {
                marks[marks.count - 1].range = min(last.range.lowerBound, range.lowerBound)..<max(last.range.upperBound, range.upperBound)
                marks[marks.count - 1].endMs = max(last.endMs, endMs)
            } else {
                marks.append((range, startMs, endMs))
            }
        }
        return marks.map { mark in
            let text = String(String.UnicodeScalarView(originalScalars[mark.range]))
            return WordMark(
                text: text, start: utf16Offsets[mark.range.lowerBound], end: utf16Offsets[mark.range.upperBound],
                startMs: mark.startMs, endMs: mark.endMs)
        }
    }

    /// The mouth shape of each phoneme, a mark only where the shape changes.
    static func visemes(_ synthesis: Synthesis, language: SpeechLanguage) -> [VisemeMark] {
        var marks: [VisemeMark] = []
        let duration = synthesis.durationMs
        for phoneme in synthesis.phonemes {
            let id = Viseme.of(phoneme: phoneme.name, language: language).rawValue
            let startMs = min(max(phoneme.startMs, marks.last?.startMs ?? 0), duration)
            if marks.last?.id == id { continue }
            if marks.last?.startMs == startMs { marks.removeLast() }
            if marks.last?.id == id { continue }
            marks.append(VisemeMark(id: id, startMs: startMs))
        }
        return marks
    }
}
