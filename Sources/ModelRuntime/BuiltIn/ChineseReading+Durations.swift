import Clinical

/// How long the illness has lasted and how old the patient is: the two numbers of days, months and years a
/// consultation mixes up (宝宝7个月 is an age, 孩子十天不拉粑粑 a duration).
extension ChineseReading {
    /// How long the symptom has lasted: a duration said with a symptom, nearest to where the complaint was first
    /// said, else a bare "一个星期了" in that turn, else the first one the patient gave with a symptom.
    func duration(of finding: Finding) -> (found: ChineseQuantities.Found, span: EvidenceSpan)? {
        guard turns.indices.contains(finding.firstSaid.turn) else { return nil }
        let turn = turns[finding.firstSaid.turn]
        let offset = finding.firstSaid.offset
        if turn.isPatientSide {
            let inTurn = illnessDurations(in: turn)
            // "已经持续两个星期多" says how long, wherever in the turn.
            if let lasting = inTurn.first(where: \.lasting) { return (lasting.found, turn.span(lasting.found.range)) }
            let withSymptom = inTurn.filter { $0.withSymptom && dates($0, finding.name, in: turn) }
            let candidates = withSymptom.isEmpty ? inTurn.filter(\.sinceThen) : withSymptom
            if let nearest = candidates.min(by: { abs($0.found.range.lowerBound - offset) < abs($1.found.range.lowerBound - offset) }) {
                return (nearest.found, turn.span(nearest.found.range))
            }
        }
        if let answered = answeredDuration(of: finding.name) { return answered }
        for turn in turns.prefix(8) where turn.isPatientSide {
            if let found = illnessDurations(in: turn).first(where: { $0.withSymptom && dates($0, finding.name, in: turn) }) {
                return (found.found, turn.span(found.found.range))
            }
        }
        return nil
    }

    /// Whether a duration can date the complaint `name`: "流鼻涕，鼻塞，今天还咳嗽" — 今天 dates the cough only.
    private func dates(_ duration: IllnessDuration, _ name: String, in turn: TurnText) -> Bool {
        !Self.dayWords.contains(turn.string(duration.found.range))
            || duration.symptoms.contains { Self.isSameComplaint($0, as: name) }
    }

    /// The patient's answer to "多长时间了？": the first duration in the patient's next turns, before the doctor speaks
    /// again ("怎么办呢" then "10天左右").
    private func answeredDuration(of name: String) -> (found: ChineseQuantities.Found, span: EvidenceSpan)? {
        for (position, turn) in turns.enumerated() where turn.speaker == .doctor {
            let text = String(turn.characters)
            guard Terms.durationQuestions.contains(where: text.includes),
                // "生后多少天了" asks the age, "多长时间大便1次" how often; "吐泡泡多久了" is about another symptom.
                !["生后", "出生", "多大", "次"].contains(where: text.includes),
                // "糖尿病几年了" dates a long-standing disease, not this complaint.
                !turn.matches(Self.diagnosisIndex, in: 0..<turn.characters.count).contains(where: { Terms.chronicDiseases.contains($0.value) })
            else { continue }
            // "多长时间了？大便干吗？" asks how long of the complaint; "吐泡泡多久了" of the symptom in its own clause.
            let asking = turn.clauses().filter { Terms.durationQuestions.contains(where: turn.string($0).contains) }
            let asked = asking.flatMap { symptomMentions(in: turn, $0) }.map(\.value)
            if !asked.isEmpty, !asked.contains(where: { Self.isSameComplaint($0, as: name) }) { continue }
            for answer in turns[(position + 1)..<min(position + 4, turns.count)] {
                guard answer.isPatientSide else { break }
                if let found = illnessDurations(in: answer).first { return (found.found, answer.span(found.found.range)) }
            }
        }
        return nil
    }

    /// A duration of the illness: said with a symptom in its clause, or followed by 了 (一个星期了), or after 持续.
    /// `symptoms` are those named in its clause.
    typealias IllnessDuration = (found: ChineseQuantities.Found, withSymptom: Bool, sinceThen: Bool, lasting: Bool, symptoms: Set<String>)

    /// Durations of the illness in a turn: not how long a medicine was taken, not a child's age (宝宝7个月); 昨天 and
    /// 前天 count as one and two days when said of a symptom.
    func illnessDurations(in turn: TurnText) -> [IllnessDuration] {
        turn.clauses().flatMap { clause -> [IllnessDuration] in
            let text = turn.string(clause)
            let symptoms = symptomMentions(in: turn, clause)
            let symptomStarts = Set(symptoms.map(\.range.lowerBound)), symptomEnds = Set(symptoms.map(\.range.upperBound))
            let withSymptom = !symptoms.isEmpty
            if !withSymptom, ["吃了", "用了", "服用", "喝了", "吃药", "输液", "打针", "以后", "之后", "坐了", "挂", "吊", "雾化", "住院"].contains(where: text.includes) {
                return []
            }
            // 距离上次发烧一个月 dates the last illness; 三天两头 means often.
            if ["上次", "距离", "三天两头"].contains(where: text.includes) { return [] }
            let age = ChineseQuantities.age(in: turn.characters, range: clause)
            let siteEnds = Set(turn.matches(Self.siteIndex, in: clause).map(\.range.upperBound))
            var found = ChineseQuantities.durations(in: turn.characters, range: clause).filter { duration in
                // "月经第一天": a day of what is named just before the ordinal, not of the illness.
                let ordinalStart = turn.characters[duration.range.lowerBound] == "第" ? duration.range.lowerBound : duration.range.lowerBound - 1
                if ordinalStart >= clause.lowerBound, turn.characters[ordinalStart] == "第",
                    ((ordinalStart - 2)...ordinalStart).contains(where: siteEnds.contains)
                {
                    return false
                }
                // "躺下两个小时都睡不着": hours borne within one night or one bout, not how long the illness has lasted.
                let following = turn.string(duration.range.upperBound..<min(clause.upperBound, duration.range.upperBound + 1))
                if duration.text.hasSuffix("小时") || duration.text.hasSuffix("分钟"), ["都", "也"].contains(following) { return false }
                // "八个月半月": a duration read inside the age is part of the age.
                if let age, age.range.overlaps(duration.range), age.range.lowerBound != duration.range.lowerBound { return false }
                // "孩子十天不拉粑粑", "宝宝发烧两天": a symptom right after or before the number makes it how long, not how old.
                if symptomStarts.contains(duration.range.upperBound) { return !Self.isAnInfantsAge(turn, duration) }
                if symptomEnds.contains(duration.range.lowerBound), !Self.endsAnAge(turn, at: duration.range.upperBound) { return true }
                let before = turn.string(max(clause.lowerBound, duration.range.lowerBound - 3)..<duration.range.lowerBound)
                let after = turn.string(duration.range.upperBound..<min(clause.upperBound, duration.range.upperBound + 1))
                // "怀孕二十八周", "生完孩子一个月": how far the pregnancy or the time since the birth, not the illness.
                if Self.pregnancyTimeCues.contains(where: before.hasSuffix) { return false }
                // "四个月宝宝": how old.
                let next = turn.string(duration.range.upperBound..<min(clause.upperBound, duration.range.upperBound + 2))
                return !Self.ageCues.contains(where: before.includes) && after != "的" && !Self.ageCues.contains(where: next.hasPrefix)
            }
            if withSymptom, found.isEmpty {
                for (word, days) in Self.daysAgo {
                    if let index = turn.characters.firstIndex(of: word, in: clause) {
                        found.append(ChineseQuantities.Found(range: index..<(index + word.count), text: "\(Int(days))天", value: days))
                        break
                    }
                }
            }
            return found.map { duration in
                let after = turn.string(duration.range.upperBound..<min(clause.upperBound, duration.range.upperBound + 2))
                let before = turn.string(max(clause.lowerBound, duration.range.lowerBound - 2)..<duration.range.lowerBound)
                return (duration, withSymptom, after.hasPrefix("了") || after.hasPrefix("多了"), before == "持续", Set(symptoms.map(\.value)))
            }
        }
    }

    /// How far the pregnancy is (孕28周), as the patient said it (怀孕二十八周了).
    func gestation() -> Quote? {
        for turn in turns.prefix(8) where turn.isPatientSide {
            for duration in ChineseQuantities.durations(in: turn.characters, range: 0..<turn.characters.count)
            where duration.text.hasSuffix("周") || duration.text.hasSuffix("个月") {
                let before = turn.string(max(0, duration.range.lowerBound - 3)..<duration.range.lowerBound)
                if Self.gestationCues.contains(where: before.hasSuffix) { return Quote(text: "孕" + duration.text, span: turn.span(duration.range)) }
            }
        }
        return nil
    }

    static let gestationCues = Terms.words[.gestationCues]
    static let pregnancyTimeCues = gestationCues + Terms.words[.postpartumCues]

    /// 宝宝7个月流鼻涕: months or years right after the child is named are its age, whatever follows; days are not
    /// (孩子十天不拉粑粑 is how long).
    static func isAnInfantsAge(_ turn: TurnText, _ found: ChineseQuantities.Found) -> Bool {
        guard found.text.hasSuffix("个月") || found.text.hasSuffix("岁") || found.text.hasSuffix("岁半") else { return false }
        let before = turn.string(max(0, found.range.lowerBound - 2)..<found.range.lowerBound)
        return ageCues.contains(where: before.hasSuffix)
    }

    /// 十个月大, 三岁的: a number of days, months or years followed by 大 or 的 is an age.
    static func endsAnAge(_ turn: TurnText, at index: Int) -> Bool {
        index < turn.characters.count && "大的".contains(turn.characters[index])
    }

    /// The patient's age, from the first patient-side turns that give one: the first named as a child's (宝宝十个月)
    /// when there is one, since a parent often writes their own age first (女，23岁。宝宝十个月); else the first.
    func age() -> Quote? {
        var first: Quote?
        for turn in turns.prefix(10) where turn.isPatientSide {
            var start = 0
            while let found = ChineseQuantities.age(in: turn.characters, range: start..<turn.characters.count) {
                start = found.range.upperBound
                // "孩子十天不拉粑粑" and "宝宝发烧两天" say how long, not how old.
                let clause = turn.clause(around: found.range.lowerBound)
                let symptoms = symptomMentions(in: turn, clause)
                if symptoms.contains(where: { $0.range.lowerBound == found.range.upperBound }), !Self.isAnInfantsAge(turn, found) { continue }
                if symptoms.contains(where: { $0.range.upperBound == found.range.lowerBound }), !Self.endsAnAge(turn, at: found.range.upperBound) {
                    continue
                }
                // "生完孩子一个月": how long since the birth, not the age of the patient, the mother.
                let words = turn.string(max(0, found.range.lowerBound - 5)..<found.range.lowerBound)
                if Self.childWishWords.contains(where: words.hasSuffix) { continue }
                let quote = Quote(text: found.text, span: turn.span(found.range))
                let before = turn.string(max(0, found.range.lowerBound - 3)..<found.range.lowerBound)
                if Self.ageCues.contains(where: before.includes) { return quote }
                if first == nil { first = quote }
            }
        }
        return first
    }

    /// Days said by name, as how long the illness has lasted when it began then.
    static let daysAgo: [(word: String, days: Double)] = [
        ("大前天", 3), ("前天", 2), ("昨天", 1), ("昨晚", 1), ("今天", 1), ("今早", 1), ("上个礼拜", 7), ("上礼拜", 7), ("上周", 7), ("上个星期", 7), ("上星期", 7),
    ]
    static let dayWords = Set(daysAgo.map(\.word))

    /// Symptoms a doctor may ask about for the same complaint: "拉肚子几天了" dates a 大便异常.
    static func isSameComplaint(_ symptom: String, as complaint: String) -> Bool {
        symptom == complaint || sameComplaint[complaint]?.contains(symptom) == true
    }

    static let sameComplaint: [String: Set<String>] = [
        "大便异常": ["腹泻", "便秘", "便血"], "腹泻": ["大便异常"], "便秘": ["大便异常"], "发热": ["高热"], "高热": ["发热"],
        "咳嗽": ["咳痰"], "咳痰": ["咳嗽"],
    ]
}
