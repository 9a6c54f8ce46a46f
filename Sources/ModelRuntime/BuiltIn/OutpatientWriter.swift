/// Writes the 门诊病历 sections from what a Chinese consultation says.
struct OutpatientWriter {
    let reading: ChineseReading

    /// Symptoms that describe the general state rather than the complaint.
    private static let generalState: Set<String> = ["精神可", "精神差", "食欲差", "睡眠差", "哭闹"]

    func sections() -> [String: [DraftStatement]] {
        let reported = reading.reportedTurns
        let symptoms = reading.symptoms()
        let present = symptoms.filter(\.present)
        // 高热 says 发热 already.
        let complaints = present.filter { !Self.generalState.contains($0.name) && !($0.name == "发热" && present.contains { $0.name == "高热" }) }
        let firstPatientTurn = reading.turns.first(where: \.isPatientSide)?.index
        // The main complaint: said in the patient's first words, and talked about most.
        let mainComplaints = complaints.filter { reading.turns[$0.firstSaid.turn].isPatientSide }
            .enumerated()
            .sorted { lhs, rhs in
                func weight(_ finding: Finding) -> Int { finding.mentions + (finding.firstSaid.turn == firstPatientTurn ? 2 : 0) }
                return (weight(lhs.element), -lhs.offset) > (weight(rhs.element), -rhs.offset)
            }
            .prefix(1).map(\.element)
        var result: [String: [DraftStatement]] = [:]

        result["chiefComplaint"] = chiefComplaint(mainComplaints, reported: reported)
        var illness: [DraftStatement] = []
        if !complaints.isEmpty {
            let listed = Array((mainComplaints + complaints.filter { complaint in !mainComplaints.contains { $0.name == complaint.name } }).prefix(3))
            var evidence = listed.compactMap(\.evidence.first)
            var onset = ""
            if let main = mainComplaints.first, let (duration, span) = reading.duration(of: main) {
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
            illness.append(Finding(name: "", present: true, evidence: [span], firstSaid: (0, 0)).statement("体温最高" + temperature.text, reportedTurns: reported))
        }
        let medicines = reading.medicinesTaken()
        if !medicines.isEmpty {
            let drugs = medicines.filter { !ChineseReading.procedures.contains($0.text) }.prefix(3)
            let procedures = medicines.filter { ChineseReading.procedures.contains($0.text) }.prefix(2)
            if !drugs.isEmpty {
                illness.append(Finding(name: "", present: true, evidence: drugs.map(\.span), firstSaid: (0, 0))
                    .statement("服用" + drugs.map(\.text).joined(separator: "、"), reportedTurns: reported))
            }
            if !procedures.isEmpty {
                illness.append(Finding(name: "", present: true, evidence: procedures.map(\.span), firstSaid: (0, 0))
                    .statement("予" + procedures.map(\.text).joined(separator: "、"), reportedTurns: reported))
            }
        }
        for state in present where Self.generalState.contains(state.name) {
            illness.append(state.statement(state.name, reportedTurns: reported))
        }
        if let course = reading.course() {
            illness.append(Finding(name: "", present: true, evidence: [course.span], firstSaid: (0, 0)).statement(course.text, reportedTurns: reported))
        }
        for denied in symptoms.filter({ !$0.present }).prefix(2) {
            illness.append(denied.statement("无" + denied.name, reportedTurns: reported))
        }
        result["presentIllness"] = illness

        result["pastHistory"] = quoted(reading.pastHistory(), reported)
        result["allergies"] = quoted(reading.allergies(), reported)
        result["personalHistory"] = quoted(reading.personalHistory(), reported)
        result["familyHistory"] = quoted(reading.familyHistory(), reported)
        result["physicalExam"] = quoted(reading.examination(), reported)
        result["auxiliaryExams"] = quoted(reading.testResults(), reported)
        if let diagnosis = reading.diagnosis() {
            result["diagnosis"] = [diagnosis.statement(diagnosis.name + (diagnosis.uncertain ? "？" : ""), reportedTurns: reported)]
        } else if let main = mainComplaints.first {
            // No diagnosis said: the complaint "to be investigated" (待查) is how records say it.
            var pending = main
            pending.uncertain = true
            result["diagnosis"] = [pending.statement(main.name + "待查", reportedTurns: reported)]
        }
        let plan = reading.plan(limit: 5).map { item in
            Finding(name: item.text, present: true, evidence: item.evidence, firstSaid: item.firstSaid).statement(item.text, reportedTurns: reported)
        }
        result["plan"] = plan.isEmpty ? quoted(reading.advice(limit: 1), reported) : plan
        return result
    }

    /// 主诉: at most two complaints, each with its duration when one was given; at most 20 characters.
    private func chiefComplaint(_ complaints: [Finding], reported: Set<Int>) -> [DraftStatement] {
        var statements: [DraftStatement] = []
        var length = 0
        for complaint in complaints {
            var text = complaint.name
            var evidence = [complaint.evidence[0]]
            if let (duration, span) = reading.duration(of: complaint),
               !statements.contains(where: { $0.evidence.contains(span) })
            {
                text += duration.text
                evidence.append(span)
            }
            guard length + text.count <= 19 else { break }
            length += text.count + 1
            statements.append(Finding(name: complaint.name, present: true, evidence: evidence, firstSaid: complaint.firstSaid)
                .statement(text, reportedTurns: reported))
        }
        return statements
    }

    private func quoted(_ quotes: [Quote], _ reported: Set<Int>) -> [DraftStatement] {
        quotes.map { quote in
            Finding(name: quote.text, present: true, evidence: [quote.span], firstSaid: (0, 0)).statement(quote.text, reportedTurns: reported)
        }
    }
}
