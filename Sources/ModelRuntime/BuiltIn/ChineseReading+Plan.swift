import Clinical

/// The doctor's plan as a record writes it: tests ordered, medicines advised, and advice in its usual words
/// (多喝水 → 多饮水), each pointing at where the doctor said it.
extension ChineseReading {
    struct PlanItem: Sendable {
        var text: String
        var evidence: [EvidenceSpan]
        var firstSaid: (turn: Int, offset: Int)
        /// The tests a combined order (完善血常规、胸片) is made of, each with its own evidence.
        var parts: [PlanItem] = []
    }

    /// "阿莫西林不能用", "头孢也别吃": a prohibition said right after the medicine's name (not "不能停", which keeps it).
    static func isForbidden(byWordsAfter after: String) -> Bool {
        let rest = after.drop { "也都就可千万再".contains($0) }
        guard let cue = Terms.prohibitionCues.first(where: { rest.hasPrefix($0) }) else { return false }
        return !rest.dropFirst(cue.count).hasPrefix("停")
    }

    /// Whether `text` stops a medicine: a stop word not forbidden just before it ("不能自己停药" keeps it going).
    static func saysToStop(_ text: String) -> Bool {
        let characters = Array(text)
        return Terms.stopCues.contains { cue in
            var from = 0
            while let at = characters.firstIndex(of: cue, in: from..<characters.count) {
                let justBefore = String(characters[max(0, at - 4)..<at])
                if !Terms.prohibitionCues.contains(where: justBefore.includes) { return true }
                from = at + 1
            }
            return false
        }
    }

    /// Every item of the plan, in the order first said.
    func planItems() -> [PlanItem] {
        var tests: [String: PlanItem] = [:], medicines: [String: PlanItem] = [:], dosed: [String: PlanItem] = [:], advice: [String: PlanItem] = [:]
        // Tests ordered again (复查) in their own clause: "先做个尿培养…三天后复查血常规" orders one and rechecks the other.
        var rechecked: Set<String> = []
        func add(_ key: String, to items: inout [String: PlanItem], span: EvidenceSpan, at place: (Int, Int)) {
            if items[key] == nil { items[key] = PlanItem(text: key, evidence: [], firstSaid: place) }
            if items[key]!.evidence.count < 2 { items[key]!.evidence.append(span) }
        }
        for turn in turns where turn.speaker == .doctor {
            var adviceBeforeAColon = false
            for clause in turn.clauses() {
                let text = turn.string(clause)
                // "四联疗法吃两周：艾司奥美拉唑、阿莫西林…": the list after a colon is what the clause before it advised.
                let advising = Terms.advises(text) || adviceBeforeAColon
                adviceBeforeAColon =
                    Terms.advises(text) && clause.upperBound < turn.characters.count && "：:".contains(turn.characters[clause.upperBound])
                let question = isQuestion(turn, clause)
                // "白内障超声乳化手术" names a procedure, not an ultrasound to do.
                let procedures = turn.matches(Self.adviceIndex, in: clause).map(\.range)
                for mention in turn.matches(Self.testIndex, in: clause) where !procedures.contains(where: { $0.overlaps(mention.range) }) {
                    let range = mention.range
                    // "先去拍个胸片" orders by its verb alone.
                    let before = turn.string(clause.lowerBound..<range.lowerBound)
                    let orderedByVerb =
                        Self.ordersInAQuestion.contains(where: before.includes) || Terms.words[.testVerbs].contains(where: before.hasSuffix)
                    guard orderedByVerb || (advising && Self.orderCues.contains(where: text.includes)) else { continue }
                    guard !isNegated(turn, clause: clause, term: range), !Terms.reportsResult(text) else { continue }
                    // "查个大便常规看看有炎症吗" orders the test and asks nothing of the family; "有化验血常规吗" asks.
                    if question, !orderedByVerb { continue }
                    if text.contains("复查") { rechecked.insert(mention.value) }
                    add(mention.value, to: &tests, span: turn.span(range), at: (turn.index, range.lowerBound))
                }
                if question { continue }
                for mention in medicineMentions(in: turn, clause) where !Self.procedures.contains(mention.value) {
                    let range = mention.range
                    guard !isNegated(turn, clause: clause, term: range) else { continue }
                    let sentenceEnd =
                        (range.upperBound..<turn.characters.count).first { "。；;！!？?\n".contains(turn.characters[$0]) } ?? turn.characters.count
                    // "停用乳果糖", "蒙脱石散可以停掉，不需要吃": stopping is the plan; "不能反复应用乳果糖" warns, it does not prescribe.
                    // "头孢曲松静脉输液，一天一次": a procedure named after the medicine is how it is given, not another medicine.
                    let nextMedicine = turn.matches(Self.medicineIndex, in: range.upperBound..<sentenceEnd).first {
                        !Self.procedures.contains($0.value)
                    }
                    .map(\.range.lowerBound)
                    let before = turn.string(clause.lowerBound..<range.lowerBound),
                        after = turn.string(range.upperBound..<(nextMedicine ?? sentenceEnd))
                    if Self.saysToStop(before) || Self.saysToStop(after) {
                        add("停用" + mention.value, to: &advice, span: turn.span(range), at: (turn.index, range.lowerBound))
                        continue
                    }
                    if Terms.prohibitionCues.contains(where: before.includes) || Self.isForbidden(byWordsAfter: after) { continue }
                    // A dose and frequency said after the name (up to the next medicine or the end of the sentence) make
                    // a prescription line; a name alone counts only when said as advice.
                    if let dosing = ChineseDosing.find(in: turn.characters, range: range.upperBound..<(nextMedicine ?? sentenceEnd)) {
                        // The route by the product's form, or by the words after it in its clause (静脉输液 → 静滴).
                        let route = Self.route(
                            of: turn.string(range) + mention.value
                                + turn.string(range.upperBound..<min(clause.upperBound, nextMedicine ?? clause.upperBound)))
                        let name = mention.value.hasPrefix(route) ? String(mention.value.dropFirst(route.count)) : mention.value
                        let key = route + name + " " + dosing.text
                        add(key, to: &dosed, span: turn.span(range), at: (turn.index, range.lowerBound))
                        for part in dosing.ranges { dosed[key]!.evidence.append(turn.span(part)) }
                    } else if advising {
                        add(mention.value, to: &medicines, span: turn.span(range), at: (turn.index, range.lowerBound))
                    }
                }
                for operation in operationsAsSaid(in: turn, clause) where !isNegated(turn, clause: clause, term: operation.range) {
                    add(operation.value, to: &advice, span: turn.span(operation.range), at: (turn.index, operation.range.lowerBound))
                }
                for mention in turn.matches(Self.adviceIndex, in: clause) {
                    let range = mention.range
                    if mention.value == "继续原有治疗", !["药", "治疗", "服用", "吃"].contains(where: text.includes) { continue }
                    guard !isNegated(turn, clause: clause, term: range) else { continue }
                    // 三天后复诊: the follow-up with its interval.
                    if mention.value == "复诊",
                        let interval = ChineseQuantities.durations(in: turn.characters, range: clause.lowerBound..<range.lowerBound).last
                    {
                        let key = interval.text + "后复诊"
                        add(key, to: &advice, span: turn.span(interval.range), at: (turn.index, range.lowerBound))
                        advice[key]!.evidence.append(turn.span(range))
                        continue
                    }
                    if Self.returnAdvice.contains(mention.value), let condition = returnCondition(in: turn, before: range),
                        !advice.keys.contains(where: { $0.hasPrefix(condition.text + "，") })
                    {
                        let key = condition.text + "，" + mention.value
                        add(key, to: &advice, span: turn.span(range), at: (turn.index, range.lowerBound))
                        advice[key]!.evidence += condition.evidence
                        continue
                    }
                    add(mention.value, to: &advice, span: turn.span(range), at: (turn.index, range.lowerBound))
                }
            }
        }
        // "尽快就医" says all that "去医院" does.
        for key in advice.keys where key.hasSuffix("及时就医") {
            advice[key.dropLast("及时就医".count) + "医院就诊"] = nil
            advice["医院就诊"] = nil
        }
        var items: [PlanItem] = []
        for again in [false, true] {
            let ordered = tests.values.filter { rechecked.contains($0.text) == again }.sorted(by: Self.earlier)
            guard let first = ordered.first else { continue }
            items.append(
                PlanItem(
                    text: (again ? "复查" : "完善") + ordered.map(\.text).joined(separator: "、"),
                    evidence: ordered.flatMap(\.evidence), firstSaid: first.firstSaid, parts: ordered))
        }
        if let first = medicines.values.min(by: Self.earlier) {
            // 头孢 beside 头孢克洛 says the same medicine less precisely.
            let named = medicines.values.filter { item in !medicines.keys.contains { $0 != item.text && $0.hasPrefix(item.text) } }
            let ordered = named.sorted(by: Self.earlier).prefix(4)
            for route in Self.routeNames {
                let group = ordered.filter { Self.route(of: $0.text) == route }
                guard !group.isEmpty else { continue }
                let names = group.map { $0.text.hasPrefix(route) ? String($0.text.dropFirst(route.count)) : $0.text }
                items.append(PlanItem(text: route + names.joined(separator: "、"), evidence: group.flatMap(\.evidence), firstSaid: first.firstSaid))
            }
        }
        let medicineNames = Set(dosed.keys.compactMap { $0.split(separator: " ").first.map { String($0.dropFirst(2)) } })
        items.removeAll { item in medicineNames.contains { item.text.hasPrefix("口服") && item.text.dropFirst(2) == $0 } }
        items += dosed.values
        items += advice.values
        return items.sorted(by: Self.earlier)
    }

    /// The first `limit` items said, in a record's order: where to go, what to test, what to take, what to watch, how
    /// to care, when to come back.
    static func recordOrder(of items: [PlanItem], limit: Int) -> [PlanItem] {
        items.prefix(limit).enumerated()
            .sorted { (Self.rank(of: $0.element.text), $0.offset) < (Self.rank(of: $1.element.text), $1.offset) }
            .map(\.element)
    }

    private static func rank(of item: String) -> Int {
        // Where to go, with or without the condition said for it (如出现呕吐，及时就医).
        if item.hasSuffix("及时就医") || item.hasSuffix("医院就诊") { return 0 }
        if item.hasPrefix("完善") || item.hasPrefix("复查") { return 1 }
        if (Self.routeNames + ["雾化", "输液", "继续", "停用"]).contains(where: item.hasPrefix) { return 2 }
        if item == "密切观察" || item == "监测体温" { return 3 }
        if item.hasSuffix("复诊") { return 5 }
        return 4
    }

    /// Said first; one word can be two items (维生素B12 is a test and a medicine), so the text breaks a tie and the
    /// order never depends on a dictionary's, which changes from run to run.
    private static func earlier(_ a: PlanItem, _ b: PlanItem) -> Bool {
        (a.firstSaid.turn, a.firstSaid.offset, a.text) < (b.firstSaid.turn, b.firstSaid.offset, b.text)
    }

    /// How a medicine is given, by its form (滴眼液 → 滴眼); none listed: 口服.
    static func route(of medicine: String) -> String {
        // The longest word wins: 布地奈德 is inhaled, though it holds 地奈德, a cream.
        let said = Terms.words.routes.flatMap { route in route.said.filter(medicine.contains).map { ($0.count, route.name) } }
        return said.max { $0.0 < $1.0 }?.1 ?? "口服"
    }
    /// Every route a plan line starts with, 口服 first.
    static let routeNames = ["口服"] + Terms.words.routes.map(\.name)
    static let ordersInAQuestion = Terms.words[.ordersInAQuestion]
    static let orderCues = Terms.words[.orderCues]
    static let procedures = Set(Terms.words[.procedures])
    static let adviceIndex = TermIndex(Terms.words.advice.flatMap { advice in advice.said.map { ($0, advice.name) } })
}
