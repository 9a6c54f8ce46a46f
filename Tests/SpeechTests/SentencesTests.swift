import Speech
import Testing

/// A reply is cut into sentences for the avatar without losing or moving a character.
@Suite("Speech: sentences of a reply")
struct SentencesTests {
    @Test(
        "Chinese and English punctuation, closing marks, numbers and list marks",
        arguments: [
            ("请马上拨打120。到最近的急诊科！别自己开车。", ["请马上拨打120。", "到最近的急诊科！", "别自己开车。"]),
            ("您说的是“胸口疼”。对吗？", ["您说的是“胸口疼”。", "对吗？"]),
            ("Call 120 now. Do not drive yourself! Is anyone with you?", ["Call 120 now. ", "Do not drive yourself! ", "Is anyone with you?"]),
            ("A fever of 38.5 is common. Rest.", ["A fever of 38.5 is common. ", "Rest."]),
            ("可选时间：\n1. 周一上午\n2. 周二下午", ["可选时间：\n", "1. 周一上午\n", "2. 周二下午"]),
            ("真的吗？！好的……谢谢", ["真的吗？！", "好的……", "谢谢"]),
            ("没有标点的一句话", ["没有标点的一句话"]),
            ("", []),
        ])
    func split(text: String, expected: [String]) {
        #expect(Sentences.split(text) == expected)
    }

    @Test("joined, the sentences are the text again, whatever the text")
    func lossless() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("我胸口疼。！？；…!?;.\n ”）ab12")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let sentences = Sentences.split(text)
            #expect(sentences.joined() == text, "\(text.debugDescription)")
            #expect(!sentences.contains(""), "\(text.debugDescription)")
        }
    }

    @Test("only marks and spaces are not spoken")
    func speakable() {
        #expect(Sentences.isSpeakable("好的。"))
        #expect(Sentences.isSpeakable("120"))
        #expect(!Sentences.isSpeakable("……\n"))
    }
}
