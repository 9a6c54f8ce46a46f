import Clinical

/// Writes the 门诊病历 sections from the facts a Chinese consultation established.
struct OutpatientWriter {
    let facts: ChineseConsultation
    /// Turns written from the pre-visit conversation: statements resting only on them are patient-reported.
    private var reported: Set<Int> { facts.reportedTurns }

    func sections() -> [String: [DraftStatement]] {
        let complaints = facts.complaints
        let mainComplaint = facts.complaint
        let mainDuration = facts.complaintDuration
        var result: [String: [DraftStatement]] = [:]

        result["chiefComplaint"] = mainComplaint.map { [chiefComplaint($0, duration: mainDuration)] } ?? []
        if mainComplaint == nil, let disease = facts.reportedDisease {
            result["chiefComplaint"] = [statement((disease.atACheckUp ? "体检发现" : "") + disease.name, evidence: [disease.span])]
        }
        var illness: [DraftStatement] = []
        if !complaints.isEmpty {
            let listed = Array(([mainComplaint].compactMap { $0 } + complaints.filter { $0.name != mainComplaint?.name }).prefix(7))
            var evidence = listed.compactMap(\.evidence.first)
            var onset = ""
            if let (duration, span) = mainDuration {
                onset = duration.text + "前"
                evidence.append(span)
            }
            var subject = facts.patient.isChild ? "患儿" : "患者"
            if let age = facts.patient.age {
                subject = age.text + subject
                evidence.append(age.span)
            }
            var combined = Finding(name: "", present: true, evidence: evidence, firstSaid: (0, 0))
            combined.conflicting = listed.contains(where: \.conflicting)
            let names = ChineseConsultation.joinedBySite(listed.map(\.name))
            illness.append(combined.statement(subject + onset + "出现" + names.joined(separator: "、"), reportedTurns: reported))
        }
        if let gestation = facts.gestation { illness.append(statement(gestation.text, evidence: [gestation.span])) }
        if let (temperature, span) = facts.highestTemperature {
            illness.append(statement("体温最高" + temperature.text, evidence: [span]))
        }
        let medicines = facts.medicinesTaken
        if !medicines.isEmpty {
            let drugs = medicines.filter { !ChineseReading.procedures.contains($0.text) }.prefix(5)
            let procedures = medicines.filter { ChineseReading.procedures.contains($0.text) }.prefix(2)
            if !drugs.isEmpty {
                illness.append(statement("服用" + drugs.map(\.text).joined(separator: "、"), evidence: drugs.map(\.span)))
            }
            if !procedures.isEmpty {
                illness.append(statement("予" + procedures.map(\.text).joined(separator: "、"), evidence: procedures.map(\.span)))
            }
        }
        for state in facts.findings where state.present && ChineseConsultation.generalState.contains(state.name) {
            illness.append(state.statement(state.name, reportedTurns: reported))
        }
        for modifier in facts.modifiers { illness.append(statement(modifier.text, evidence: [modifier.span])) }
        if let course = facts.course {
            illness.append(statement(course.text, evidence: [course.span]))
        }
        // A pertinent negative is a symptom; "无食欲差" says nothing a record would.
        // "无大便异常" beside 黏液便 contradicts the record: a vague finding denied gives way to a named one of it present.
        let named = Set(facts.findings.filter(\.present).map(\.name))
        let pertinent = facts.findings.filter { finding in
            !finding.present && !ChineseConsultation.generalState.contains(finding.name)
                && ChineseConsultation.vague[finding.name].map { $0.isDisjoint(with: named) } != false
        }
        for denied in pertinent.prefix(5) {
            illness.append(denied.statement("无" + denied.name, reportedTurns: reported))
        }
        result["presentIllness"] = illness

        result["pastHistory"] = quoted(facts.pastHistory)
        result["allergies"] = quoted(facts.allergies)
        result["personalHistory"] = quoted(facts.personalHistory)
        result["familyHistory"] = quoted(facts.familyHistory)
        result["physicalExam"] = quoted(facts.examination)
        result["auxiliaryExams"] = quoted(facts.results)
        if let diagnosis = facts.diagnosis {
            // In the order said: 失眠障碍伴焦虑状态 keeps 失眠障碍 first.
            let said = ([diagnosis] + facts.otherDiagnoses).sorted {
                ($0.firstSaid.turn, $0.firstSaid.offset) < ($1.firstSaid.turn, $1.firstSaid.offset)
            }
            result["diagnosis"] = said.map {
                $0.statement(recordName(of: $0.name) + ($0.uncertain ? "？" : ""), reportedTurns: reported)
            }
        } else if let main = mainComplaint {
            // No diagnosis said: the complaint "to be investigated" (待查) is how records say it.
            var pending = main
            pending.uncertain = true
            result["diagnosis"] = [pending.statement(recordName(of: main.name == "高热" ? "发热" : main.name) + "待查", reportedTurns: reported)]
        }
        let plan = ChineseReading.recordOrder(of: facts.plan, limit: 8).map { statement($0.text, evidence: $0.evidence) }
        result["plan"] = plan.isEmpty ? quoted(facts.advice) : plan
        return result
    }

    /// 主诉: the main complaint with its duration when one was given; at most 20 characters with its closing 。.
    private func chiefComplaint(_ complaint: Finding, duration: (found: ChineseQuantities.Found, span: EvidenceSpan)?) -> DraftStatement {
        // 主诉 names the symptom; how high the fever went is for 现病史.
        let name = complaint.name == "高热" ? "发热" : complaint.name
        // Said together ("发烧咳嗽五天了"), in the order said, as long as 主诉 stays short.
        var named = [(complaint.firstSaid.offset, name, complaint.evidence[0])]
        for other in facts.complaintsSaidWith.prefix(2) where named.map(\.1.count).reduce(0, +) + other.name.count <= 12 {
            named.append((other.firstSaid.offset, other.name == "高热" ? "发热" : other.name, other.evidence[0]))
        }
        named.sort { $0.0 < $1.0 }
        let names = ChineseConsultation.joinedBySite(named.map(\.1)).joined(separator: "、"), evidence = named.map(\.2)
        guard let duration, names.count + duration.found.text.count <= 19 else { return statement(names, evidence: evidence) }
        return statement(names + duration.found.text, evidence: evidence + [duration.span])
    }

    /// A diagnosis as a record names it for this patient: 小儿腹泻 in a child, 新生儿黄疸 in a newborn.
    private func recordName(of diagnosis: String) -> String {
        if diagnosis == "黄疸", facts.patient.isNewborn { return "新生儿黄疸" }
        if facts.patient.isChild, ChineseClinicalTerms.pediatricNames.contains(diagnosis) { return "小儿" + diagnosis }
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
