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

    /// A product the knowledge does not list, named by its form after a word that gives it (外用糠酸莫米松乳膏): written
    /// as said. Without such a word the name's start is unknown, so nothing is read.
    private func unlistedProducts(in turn: TurnText, _ clause: Range<Int>) -> [(range: Range<Int>, value: String)] {
        turn.matches(Self.productFormIndex, in: clause).compactMap { form in
            let earliest = max(clause.lowerBound, form.range.lowerBound - Self.longestUnlistedName - Self.longestLeadIn)
            // The lead-in nearest the form: "开了药，外用…" starts the name after 外用, not after 开.
            guard
                let start = stride(from: form.range.lowerBound - 2, through: earliest, by: -1).first(where: { end in
                    Self.medicineLeadIns.contains {
                        end - $0.count >= clause.lowerBound && turn.characters[..<end].suffix($0.count).elementsEqual($0)
                    }
                })
            else { return nil }
            let name = turn.characters[start..<form.range.lowerBound]
            // "服用了头孢颗粒" starts after 了; "刺激性的涂鼻软膏" describes a kind, it does not name one.
            guard name.count <= Self.longestUnlistedName, name.allSatisfy(Self.isHan), !name.contains(where: { "一的".contains($0) }),
                !"了过".contains(name.first!)
            else { return nil }
            return (range: start..<form.range.upperBound, value: String(name) + form.value)
        }
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
}
