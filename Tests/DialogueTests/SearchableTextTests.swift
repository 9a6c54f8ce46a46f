import ModelRuntime
import Testing

@testable import Dialogue

@Suite struct SearchableTextTests {
    /// The byte-pair check only rules words out: every answer is the plain scan's.
    @Test func answersAsAPlainScanDoes() {
        let texts = ["我想挂号，挂号处在哪", "帮我约明天上午的", "i'm here, where is the pharmacy?", "头头头头", "", "a", "不取消了"]
        let words = ["挂号", "挂号处", "在哪", "明天", "上午", "pharmacy", "here", "头", "头头", "尾", "", "取消", "不取消", "a", "b", "where is"]
        for text in texts {
            let searchable = SearchableText(text)
            for word in words {
                #expect(searchable.includes(word) == text.includes(word), "\(word) in \(text)")
            }
        }
    }
}
