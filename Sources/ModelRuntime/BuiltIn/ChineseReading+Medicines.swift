import Clinical

/// Medicines as named in a clause, with the dosage form said right after the name kept (小儿氨酚黄那敏颗粒, 氨溴索口服液):
/// the record names the product the doctor meant.
extension ChineseReading {
    func medicineMentions(in turn: TurnText, _ clause: Range<Int>) -> [(range: Range<Int>, value: String)] {
        turn.matches(Self.medicineIndex, in: clause).map { mention in
            let rest = turn.characters[mention.range.upperBound..<clause.upperBound]
            guard !Self.procedures.contains(mention.value), let form = Self.dosageForms.first(where: { rest.starts(with: $0) }) else {
                return (mention.range, Self.classNames[mention.value] ?? mention.value)
            }
            return (mention.range.lowerBound..<(mention.range.upperBound + form.count), mention.value + form)
        }
    }

    /// Kinds of medicine said by what they do, named as a record names them (口服抗病毒药物, not 口服抗病毒).
    static let classNames = [
        "抗病毒": "抗病毒药物", "止咳化痰": "止咳化痰药物", "退烧药": "退热药",
        // Records call an infusion 输液 however the family says it.
        "吊瓶": "输液", "挂水": "输液", "吊水": "输液", "点滴": "输液",
    ]

    static let dosageForms = Terms.words[.dosageForms]
}
