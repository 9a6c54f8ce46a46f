import Clinical

/// Medicines as named in a clause, with the dosage form said right after the name kept (小儿氨酚黄那敏颗粒, 氨溴索口服液):
/// the record names the product the doctor meant.
extension ChineseReading {
    func medicineMentions(in turn: TurnText, _ clause: Range<Int>) -> [(range: Range<Int>, value: String)] {
        let known = turn.matches(Self.medicineIndex, in: clause).map { mention in
            let rest = turn.characters[mention.range.upperBound..<clause.upperBound]
            guard !Self.procedures.contains(mention.value), let form = Self.dosageForms.first(where: { rest.starts(with: $0) }) else {
                return (range: mention.range, value: Self.classNames[mention.value] ?? mention.value)
            }
            return (range: mention.range.lowerBound..<(mention.range.upperBound + form.count), value: mention.value + form)
        }
        let unlisted = unlistedProducts(in: turn, clause).filter { product in !known.contains { $0.range.overlaps(product.range) } }
        return (known + unlisted).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A medicine the knowledge does not list, named after a word that gives it (外用, 口服) and before its form
    /// (外用糠酸莫米松乳膏) or its dose (口服琥珀酸亚铁，一次0.1克): written as said. Without such a word the name's start is
    /// unknown, so nothing is read.
    private func unlistedProducts(in turn: TurnText, _ clause: Range<Int>) -> [(range: Range<Int>, value: String)] {
        let byForm = turn.matches(Self.productFormIndex, in: clause).compactMap { form in
            unlistedName(in: turn, clause, endingAt: form.range.lowerBound).map { name in
                (range: name.lowerBound..<form.range.upperBound, value: turn.string(name) + form.value)
            }
        }
        guard byForm.isEmpty, let end = doseStart(in: turn, clause), let name = unlistedName(in: turn, clause, endingAt: end),
            // "每天吃两次药，一次1片" names no medicine (氨丁三醇 does).
            let first = turn.characters[name].first, !Self.numerals.contains(first), !turn.characters[name].contains("次"),
            turn.characters[name].last != "药"
        else { return byForm }
        return [(range: name, value: turn.string(name))]
    }

    /// The name between the lead-in nearest `end` and `end`: "开了药，外用…" starts the name after 外用, not after 开.
    private func unlistedName(in turn: TurnText, _ clause: Range<Int>, endingAt end: Int) -> Range<Int>? {
        let earliest = max(clause.lowerBound, end - Self.longestUnlistedName - Self.longestLeadIn)
        guard
            let start = stride(from: end - 2, through: earliest, by: -1).first(where: { leadInEnd in
                Self.medicineLeadIns.contains {
                    leadInEnd - $0.count >= clause.lowerBound && turn.characters[..<leadInEnd].suffix($0.count).elementsEqual($0)
                }
            })
        else { return nil }
        let name = turn.characters[start..<end]
        // "服用了头孢颗粒" starts after 了; "刺激性的涂鼻软膏" describes a kind, it does not name one.
        guard name.count <= Self.longestUnlistedName, name.allSatisfy(Self.isHan), !name.contains(where: { "一的".contains($0) }),
            !"了过".contains(name.first!)
        else { return nil }
        return start..<end
    }

    /// Where a dose said right after a name starts, in the clause ("甲钴胺一次0.5毫克") or opening the next one
    /// ("琥珀酸亚铁，一次0.1克", "磷霉素氨丁三醇，3克"): the clause's end then.
    private func doseStart(in turn: TurnText, _ clause: Range<Int>) -> Int? {
        let characters = turn.characters
        func opensADose(at start: Int) -> Bool {
            Self.doseOpeners.contains { opener in
                start + opener.count <= characters.count && characters[start..<(start + opener.count)].elementsEqual(opener)
                    && ChineseDosing.startsWithADose(characters, at: start + opener.count)
            }
        }
        if let inside = clause.first(where: opensADose) { return inside }
        let next = clause.upperBound + 1
        guard next < characters.count, opensADose(at: next) || ChineseDosing.startsWithADose(characters, at: next) else { return nil }
        return clause.upperBound
    }
    private static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Kinds of medicine said by what they do, named as a record names them (口服抗病毒药物, not 口服抗病毒).
    static let classNames = [
        "抗病毒": "抗病毒药物", "止咳化痰": "止咳化痰药物", "退烧药": "退热药",
        // Records call an infusion 输液 however the family says it.
        "吊瓶": "输液", "挂水": "输液", "吊水": "输液", "点滴": "输液",
    ]

    static let dosageForms = Terms.words[.dosageForms]
    private static let productFormIndex = TermIndex(Terms.words[.productForms].map { ($0, $0) })
    private static let medicineLeadIns = Terms.words[.medicineLeadIns]
    private static let longestLeadIn = medicineLeadIns.map(\.count).max() ?? 0
    private static let longestUnlistedName = 10
    private static let doseOpeners = Terms.words[.doseOpeners]
    private static let numerals = Set("一二两三四五六七八九十几半")
}
