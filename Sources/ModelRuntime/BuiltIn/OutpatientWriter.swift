import Clinical

/// Writes the 门诊病历 sections from what a Chinese consultation says.
struct OutpatientWriter {
    let reading: ChineseReading
    /// Turns written from the pre-visit conversation: statements resting only on them are patient-reported.
    private let reported: Set<Int>

    init(reading: ChineseReading) {
        self.reading = reading
        reported = reading.reportedTurns
    }

    /// Symptoms that describe the general state rather than the complaint.
    private static let generalState = Set(ChineseClinicalTerms.words[.generalState])

    /// Findings that say something is wrong without naming what, and the named findings they give way to.
    static let vague = ChineseClinicalTerms.words.vague

    func sections() -> [String: [DraftStatement]] {
        let symptoms = Self.mergingFeverIntoHighFever(reading.symptoms())
        let present = symptoms.filter(\.present)
        let complaints = present.filter { !Self.generalState.contains($0.name) }
        let firstPatientTurn = reading.turns.first(where: \.isPatientSide)?.index
        // The main complaint: said in the patient's first words if any was, not gone since, and among those talked
        // about most; but a vague finding gives way to the named one it describes (腹泻 before 大便异常).
        let mainComplaint = complaints.filter { reading.turns[$0.firstSaid.turn].isPatientSide }
            .enumerated()
            .sorted { lhs, rhs in
                func opening(_ finding: Finding) -> Int { finding.firstSaid.turn == firstPatientTurn ? 1 : 0 }
                func named(_ finding: Finding) -> Int {
                    guard let named = Self.vague[finding.name] else { return 1 }
                    return complaints.contains { named.contains($0.name) } ? 0 : 1
                }
                func current(_ finding: Finding) -> Int { finding.resolved ? 0 : 1 }
                return (named(lhs.element), opening(lhs.element), current(lhs.element), lhs.element.mentions, -lhs.offset)
                    > (named(rhs.element), opening(rhs.element), current(rhs.element), rhs.element.mentions, -rhs.offset)
            }
            .first?.element
        let mainDuration = mainComplaint.flatMap(reading.duration(of:))
        var result: [String: [DraftStatement]] = [:]

        result["chiefComplaint"] = mainComplaint.map { [chiefComplaint($0, duration: mainDuration)] } ?? []
        var illness: [DraftStatement] = []
        if !complaints.isEmpty {
            let listed = Array(([mainComplaint].compactMap { $0 } + complaints.filter { $0.name != mainComplaint?.name }).prefix(5))
            var evidence = listed.compactMap(\.evidence.first)
            var onset = ""
            if let (duration, span) = mainDuration {
                onset = duration.text + "前"
                evidence.append(span)
            }
            var subject = reading.aboutAChild ? "患儿" : "患者"
            if let age = reading.age() {
                subject = age.text + subject
                evidence.append(age.span)
            }
            var combined = Finding(name: "", present: true, evidence: evidence, firstSaid: (0, 0))
            combined.conflicting = listed.contains(where: \.conflicting)
            illness.append(combined.statement(subject + onset + "出现" + listed.map(\.name).joined(separator: "、"), reportedTurns: reported))
        }
        if let (temperature, span) = reading.highestTemperature() {
            illness.append(statement("体温最高" + temperature.text, evidence: [span]))
        }
        let medicines = reading.medicinesTaken()
        if !medicines.isEmpty {
            let drugs = medicines.filter { !ChineseReading.procedures.contains($0.text) }.prefix(3)
            let procedures = medicines.filter { ChineseReading.procedures.contains($0.text) }.prefix(2)
            if !drugs.isEmpty {
                illness.append(statement("服用" + drugs.map(\.text).joined(separator: "、"), evidence: drugs.map(\.span)))
            }
            if !procedures.isEmpty {
                illness.append(statement("予" + procedures.map(\.text).joined(separator: "、"), evidence: procedures.map(\.span)))
            }
        }
        for state in present where Self.generalState.contains(state.name) {
            illness.append(state.statement(state.name, reportedTurns: reported))
        }
        if let course = reading.course() {
            illness.append(statement(course.text, evidence: [course.span]))
        }
        // A pertinent negative is a symptom; "无食欲差" says nothing a record would.
        for denied in symptoms.filter({ !$0.present && !Self.generalState.contains($0.name) }).prefix(3) {
            illness.append(denied.statement("无" + denied.name, reportedTurns: reported))
        }
        result["presentIllness"] = illness

        result["pastHistory"] = quoted(reading.pastHistory())
        result["allergies"] = quoted(reading.allergies())
        result["personalHistory"] = quoted(reading.personalHistory())
        result["familyHistory"] = quoted(reading.familyHistory())
        result["physicalExam"] = quoted(reading.examination())
        result["auxiliaryExams"] = quoted(reading.testResults())
        if let diagnosis = reading.diagnosis() {
            result["diagnosis"] = [diagnosis.statement(recordName(of: diagnosis.name) + (diagnosis.uncertain ? "？" : ""), reportedTurns: reported)]
        } else if let main = mainComplaint {
            // No diagnosis said: the complaint "to be investigated" (待查) is how records say it.
            var pending = main
            pending.uncertain = true
            result["diagnosis"] = [pending.statement(recordName(of: main.name == "高热" ? "发热" : main.name) + "待查", reportedTurns: reported)]
        }
        let plan = reading.plan(limit: 5).map { statement($0.text, evidence: $0.evidence) }
        result["plan"] = plan.isEmpty ? quoted(reading.advice(limit: 1)) : plan
        return result
    }

    /// 高热 says 发热 already: one finding, 高热, first said where the fever was and said as often as both.
    static func mergingFeverIntoHighFever(_ symptoms: [Finding]) -> [Finding] {
        guard let fever = symptoms.firstIndex(where: { $0.name == "发热" && $0.present }),
            let high = symptoms.firstIndex(where: { $0.name == "高热" && $0.present })
        else { return symptoms }
        var merged = symptoms
        if (symptoms[fever].firstSaid.turn, symptoms[fever].firstSaid.offset) < (symptoms[high].firstSaid.turn, symptoms[high].firstSaid.offset) {
            merged[high].firstSaid = symptoms[fever].firstSaid
            merged[high].evidence = [symptoms[fever].evidence[0]] + symptoms[high].evidence.prefix(2)
        }
        merged[high].mentions += symptoms[fever].mentions
        merged[high].conflicting = symptoms[fever].conflicting || symptoms[high].conflicting
        merged.remove(at: fever)
        return merged.sorted { ($0.firstSaid.turn, $0.firstSaid.offset, $0.name) < ($1.firstSaid.turn, $1.firstSaid.offset, $1.name) }
    }

    /// 主诉: the main complaint with its duration when one was given; at most 20 characters with its closing 。.
    private func chiefComplaint(_ complaint: Finding, duration: (found: ChineseQuantities.Found, span: EvidenceSpan)?) -> DraftStatement {
        // 主诉 names the symptom; how high the fever went is for 现病史.
        let name = complaint.name == "高热" ? "发热" : complaint.name
        guard let duration, name.count + duration.found.text.count <= 19 else {
            return statement(name, evidence: [complaint.evidence[0]])
        }
        return statement(name + duration.found.text, evidence: [complaint.evidence[0], duration.span])
    }

    /// A diagnosis as a record names it for this patient: 小儿腹泻 in a child, 新生儿黄疸 in a newborn.
    private func recordName(of diagnosis: String) -> String {
        if diagnosis == "黄疸", reading.aboutANewborn { return "新生儿黄疸" }
        if reading.aboutAChild, ChineseClinicalTerms.pediatricNames.contains(diagnosis) { return "小儿" + diagnosis }
        return diagnosis
    }

    /// A statement resting on `evidence`, patient-reported when all of it is from before the visit.
    private func statement(_ text: String, evidence: [EvidenceSpan]) -> DraftStatement {
        Finding(name: text, present: true, evidence: evidence, firstSaid: (0, 0)).statement(text, reportedTurns: reported)
    }

    private func quoted(_ quotes: [Quote]) -> [DraftStatement] {
        quotes.map { statement($0.text, evidence: [$0.span]) }
    }
}
