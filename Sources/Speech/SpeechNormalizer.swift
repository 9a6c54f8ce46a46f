import Foundation

/// Rewrites a reply into what the synthesiser should read: numbers, times, dates, temperatures, blood pressures,
/// phone numbers, units and abbreviations in words of the reply's language; emoji, markup and control characters
/// removed; punctuation turned into pauses. Keeps a map back to the original for word timings.
public struct SpeechNormalizer: Sendable {
    public init() {}

    public func normalize(_ text: String, language: SpeechLanguage) -> SpokenText {
        var scanner = NormalizingScanner(text, language: language)
        scanner.run()
        return scanner.output.build()
    }
}

/// One pass over the text, trying the rules at each position, longest-reaching first.
struct NormalizingScanner {
    let scalars: [Unicode.Scalar]
    let zh: Bool
    var position = 0
    var output = SpokenTextBuilder()

    init(_ text: String, language: SpeechLanguage) {
        // Full-width ASCII (１２，：％) becomes ASCII one for one, so positions in the original do not move.
        scalars = text.unicodeScalars.map { scalar in
            if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0)! }
            return scalar.value == 0x3000 ? " " : scalar
        }
        zh = language == .zh
    }

    mutating func run() {
        while position < scalars.count {
            let start = position
            if let (length, spoken) = skippedMarkup() {
                position += length
                if spoken { output.space(original: start..<position) }
                continue
            }
            if let (length, said) = date() ?? time() ?? bloodPressure() ?? phoneNumber() ?? number() ?? letters() {
                let kind: SpokenText.Piece.Kind = said == text(start, length) ? .verbatim : .rewritten
                if !zh { output.space(original: start..<start) }
                output.append(said, original: start..<(start + length), kind: kind)
                position += length
                continue
            }
            single(scalars[position])
            position += 1
        }
    }

    // MARK: - Single characters

    private mutating func single(_ scalar: Unicode.Scalar) {
        let range = position..<(position + 1)
        let character = Character(scalar)
        if let mark = SpeechVocabulary.pauses[character] {
            output.pause(mark, original: range)
        } else if scalar.properties.isWhitespace || scalar == "\t" {
            output.space(original: range)
        } else if isUnspeakable(scalar) {
            return
        } else if let symbol = SpeechVocabulary.symbols[character] {
            output.append(zh ? symbol.zh : " \(symbol.en) ", original: range, kind: .rewritten)
        } else if SpeechVocabulary.silent.contains(character) {
            if !zh { output.space(original: range) }
        } else {
            output.append(String(scalar), original: range, kind: .verbatim)
        }
    }

    /// Control and format characters, emoji and their modifiers: nothing a voice can say.
    private func isUnspeakable(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned, .nonspacingMark, .enclosingMark:
            return true
        default:
            break
        }
        if properties.isEmojiPresentation || properties.isEmojiModifier { return true }
        // Text-style emoji (☎, ✔, ©) are emoji too; digits, '#' and '*' also carry the property, and CJK does not.
        return properties.isEmoji && scalar.value > 0x7F
    }

    // MARK: - Markup

    /// HTML tags, link targets of Markdown links and bare URLs, skipped whole; true when a space should stand in.
    private func skippedMarkup() -> (Int, Bool)? {
        let scalar = scalars[position]
        if scalar == "<", let next = at(position + 1), next == "/" || next.properties.isASCIIHexDigit || isLetter(position + 1) {
            if let close = scalars[position...].prefix(80).firstIndex(of: ">") { return (close - position + 1, true) }
        }
        if scalar == "]", at(position + 1) == "(", let close = scalars[position...].prefix(300).firstIndex(of: ")") {
            return (close - position + 1, false)
        }
        if scalar == "[", scalars[position...].prefix(300).contains("]") { return (1, false) }
        if matches("http://", at: position) || matches("https://", at: position) {
            var end = position
            while end < scalars.count, scalars[end].isASCII, !scalars[end].properties.isWhitespace { end += 1 }
            return (end - position, true)
        }
        return nil
    }

    // MARK: - Numbers

    /// 2026-11-29, 2026/11/29, 2026.11.29, 2026年11月29日.
    private func date() -> (Int, String)? {
        guard digitRun(at: position) == 4, let separator = at(position + 4) else { return nil }
        let closing: [Unicode.Scalar: Unicode.Scalar] = ["-": "-", "/": "/", ".": ".", "年": "月"]
        guard let second = closing[separator] else { return nil }
        let monthStart = position + 5
        let monthLength = digitRun(at: monthStart)
        guard (1...2).contains(monthLength), at(monthStart + monthLength) == second else { return nil }
        let dayStart = monthStart + monthLength + 1
        let dayLength = digitRun(at: dayStart)
        guard (1...2).contains(dayLength), digitRun(at: dayStart) == dayLength else { return nil }
        let year = number(position, 4), month = number(monthStart, monthLength), day = number(dayStart, dayLength)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var length = dayStart + dayLength - position
        if separator == "年", let suffix = at(position + length), suffix == "日" || suffix == "号" { length += 1 }
        if zh {
            return (
                length,
                ChineseNumbers.digits(text(position, 4)) + "年" + ChineseNumbers.integer(String(month)) + "月"
                    + ChineseNumbers.integer(String(day)) + "日"
            )
        }
        return (length, "\(EnglishNumbers.monthNames[month - 1]) \(EnglishNumbers.ordinal(day)), \(EnglishNumbers.year(year))")
    }

    /// 9:30, 14:05, 9:30:15, with an optional am/pm in English.
    private func time() -> (Int, String)? {
        let hourLength = digitRun(at: position)
        guard (1...2).contains(hourLength), at(position + hourLength) == ":" else { return nil }
        let minuteStart = position + hourLength + 1
        guard digitRun(at: minuteStart) == 2 else { return nil }
        let hour = number(position, hourLength), minute = number(minuteStart, 2)
        guard hour <= 24, minute <= 59 else { return nil }
        var length = minuteStart + 2 - position
        if at(position + length) == ":", digitRun(at: position + length + 1) == 2 { length += 3 }
        if zh {
            let hourWords = hour == 2 ? "两" : ChineseNumbers.integer(String(hour))
            let minuteWords = minute == 0 ? "" : (minute < 10 ? "零" : "") + ChineseNumbers.integer(String(minute)) + "分"
            return (length, hourWords + "点" + minuteWords)
        }
        var said = EnglishNumbers.words(hour) + " "
        said += minute == 0 ? "o'clock" : (minute < 10 ? "oh " + EnglishNumbers.ones[minute] : EnglishNumbers.words(minute))
        for (written, spoken) in [(" am", "a m"), (" pm", "p m"), ("am", "a m"), ("pm", "p m"), (" AM", "a m"), (" PM", "p m")]
        where matches(written, at: position + length) && !isLetter(position + length + written.unicodeScalars.count) {
            length += written.unicodeScalars.count
            said = (minute == 0 ? EnglishNumbers.words(hour) : said) + " " + spoken
            break
        }
        return (length, said)
    }

    /// 120/80 (systolic above diastolic, both plausible), with an optional mmHg.
    private func bloodPressure() -> (Int, String)? {
        let highLength = digitRun(at: position)
        guard (2...3).contains(highLength), at(position + highLength) == "/" else { return nil }
        let lowStart = position + highLength + 1
        let lowLength = digitRun(at: lowStart)
        guard (2...3).contains(lowLength) else { return nil }
        let high = number(position, highLength), low = number(lowStart, lowLength)
        guard high >= 60, low >= 30, high > low, high <= 300 else { return nil }
        var length = lowStart + lowLength - position
        let unit = unitAfter(position + length)
        if let unit { length += unit.length }
        if zh {
            return (length, ChineseNumbers.integer(String(high)) + "比" + ChineseNumbers.integer(String(low)) + (unit?.unit.zh ?? ""))
        }
        return (length, EnglishNumbers.words(high) + " over " + EnglishNumbers.words(low) + (unit.map { " " + $0.unit.en } ?? ""))
    }

    /// Mobile numbers (11 digits from 1), landlines (010-12345678), long digit strings, and short service numbers
    /// after "拨打 / call / dial" (120, 12320): digit by digit, 1 said 幺 in Chinese.
    private func phoneNumber() -> (Int, String)? {
        let run = digitRun(at: position)
        guard run >= 3 else { return nil }
        var length = run
        var groups = [text(position, run)]
        if (3...4).contains(run), at(position + run) == "-", (7...8).contains(digitRun(at: position + run + 1)) {
            let second = digitRun(at: position + run + 1)
            groups.append(text(position + run + 1, second))
            length += 1 + second
        } else if run < 7 {
            let before = String(String.UnicodeScalarView(scalars[max(0, position - 6)..<position])).lowercased()
                .trimmingCharacters(in: .whitespaces)
            let callWords = ["拨打", "打", "电话", "热线", "call", "dial", "phone", "拨"]
            guard run <= 5, callWords.contains(where: { before.hasSuffix($0) }) else { return nil }
        }
        guard at(position + length) != "." || digitRun(at: position + length + 1) == 0 else { return nil }
        let said = groups.map { zh ? ChineseNumbers.digits($0, phone: true) : EnglishNumbers.digits($0) }
        return (length, said.joined(separator: zh ? "，" : ", "))
    }

    /// Whole numbers (with thousands commas), decimals, percentages, ranges (3-5, 3~5, 3至5) and a unit after them.
    private func number() -> (Int, String)? {
        guard let first = readNumber(at: position) else { return nil }
        var length = first.length
        var said = say(first.whole, first.fraction, next: position + length)
        if let dash = at(position + length), ["-", "~", "～", "至", "到"].contains(dash),
            let second = readNumber(at: position + length + 1)
        {
            said += (zh ? "到" : " to ") + say(second.whole, second.fraction, next: position + length + 1 + second.length)
            length += 1 + second.length
        }
        if at(position + length) == "%" {
            return (length + 1, zh ? "百分之" + said : said + " percent")
        }
        if let unit = unitAfter(position + length) {
            let singular = first.whole == "1" && first.fraction.isEmpty && length == first.length
            return (length + unit.length, zh ? said + unit.unit.zh : said + " " + (singular ? unit.unit.enSingular : unit.unit.en))
        }
        return (length, said)
    }

    private func say(_ whole: String, _ fraction: String, next: Int) -> String {
        if zh {
            if fraction.isEmpty, whole.count == 4, at(next) == "年" { return ChineseNumbers.digits(whole) }
            if fraction.isEmpty {
                return ChineseNumbers.counted(
                    whole, before: Substring(String(String.UnicodeScalarView(scalars[next..<min(scalars.count, next + 2)]))))
            }
            return ChineseNumbers.decimal(whole: whole, fraction: fraction)
        }
        return EnglishNumbers.decimal(whole: whole, fraction: fraction)
    }

    private func readNumber(at start: Int) -> (whole: String, fraction: String, length: Int)? {
        var end = start + digitRun(at: start)
        guard end > start else { return nil }
        var whole = text(start, end - start)
        while at(end) == ",", digitRun(at: end + 1) == 3 {
            whole += text(end + 1, 3)
            end += 4
        }
        var fraction = ""
        if at(end) == ".", digitRun(at: end + 1) > 0 {
            let count = digitRun(at: end + 1)
            fraction = text(end + 1, count)
            end += 1 + count
        }
        return (whole, fraction, end - start)
    }

    /// A unit right after a number, with at most one space between.
    private func unitAfter(_ start: Int) -> (unit: SpeechVocabulary.Unit, length: Int)? {
        let gap = at(start) == " " ? 1 : 0
        for unit in SpeechVocabulary.units where matches(unit.written, at: start + gap) {
            let end = start + gap + unit.written.unicodeScalars.count
            if !isLetter(end) { return (unit, gap + unit.written.unicodeScalars.count) }
        }
        return nil
    }

    // MARK: - Letters

    /// A run of Latin letters: abbreviations spelled (Chinese letter names in Chinese), words left for the voice.
    private func letters() -> (Int, String)? {
        var end = position
        while isLetter(end) { end += 1 }
        guard end > position else { return nil }
        let word = text(position, end - position)
        let upper = word.allSatisfy(\.isUppercase)
        if zh {
            guard upper, word.count <= 5 else { return (end - position, word) }
            return (end - position, word.compactMap { SpeechVocabulary.chineseLetterNames[$0] }.joined())
        }
        if let spoken = SpeechVocabulary.englishAcronymsReadAsWords[word] { return (end - position, spoken) }
        if upper, (2...5).contains(word.count) { return (end - position, word.map(String.init).joined(separator: " ")) }
        return (end - position, word)
    }

    // MARK: - Scanning helpers

    private func at(_ index: Int) -> Unicode.Scalar? { index < scalars.count && index >= 0 ? scalars[index] : nil }

    private func isLetter(_ index: Int) -> Bool {
        guard let scalar = at(index) else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private func digitRun(at start: Int) -> Int {
        var end = start
        while let scalar = at(end), ("0"..."9").contains(scalar) { end += 1 }
        return end - start
    }

    private func number(_ start: Int, _ length: Int) -> Int { Int(text(start, length)) ?? 0 }

    private func text(_ start: Int, _ length: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + length)]))
    }

    private func matches(_ literal: String, at start: Int) -> Bool {
        var index = start
        for scalar in literal.unicodeScalars {
            guard at(index) == scalar else { return false }
            index += 1
        }
        return true
    }
}
