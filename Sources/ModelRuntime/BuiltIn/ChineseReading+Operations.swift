import Clinical

/// Operations the knowledge does not list, named as the doctor said them: the words between a verb that arranges one
/// (做, 行) and the ending that makes them an operation (剔除术, 置换术).
extension ChineseReading {
    func operationsAsSaid(in turn: TurnText, _ clause: Range<Int>) -> [(range: Range<Int>, value: String)] {
        var found: [(range: Range<Int>, value: String)] = []
        for ending in turn.matches(Self.operationEndingIndex, in: clause) {
            let end = ending.range.upperBound
            let earliest = max(clause.lowerBound, ending.range.lowerBound - Self.longestOperationName - Self.longestOperationLeadIn)
            guard
                let start = stride(from: ending.range.lowerBound - Self.shortestOperationName, through: earliest, by: -1).first(where: { at in
                    Self.operationLeadIns.contains { at - $0.count >= clause.lowerBound && turn.characters[..<at].suffix($0.count).elementsEqual($0) }
                })
            else { continue }
            let name = turn.characters[start..<end]
            // "做个手术", "做一下这个手术" say that there is one, not which.
            guard name.allSatisfy(Self.isHanCharacter), !name.contains(where: { "一个这那的了".contains($0) }) else { continue }
            found.append((range: start..<end, value: String(name)))
        }
        return found
    }

    private static func isHanCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    }

    private static let operationEndingIndex = TermIndex(Terms.words[.operationEndings].map { ($0, ()) })
    private static let operationLeadIns = Terms.words[.operationLeadIns]
    private static let longestOperationLeadIn = operationLeadIns.map(\.count).max() ?? 0
    /// Characters of the name before its ending: 子宫肌瘤剔除术 has four, 手术 none.
    private static let shortestOperationName = 2
    private static let longestOperationName = 12
}
