import Testing
import Wording

@Suite("Message catalog")
struct MessageCatalogTests {
    @Test("the shipped catalog loads; parameters are filled from values, else from the catalog's own entries")
    func shipped() {
        let catalog = MessageCatalog.shipped
        #expect(catalog.text("greeting", "zh").contains("您的就医助理"))
        #expect(catalog.text("greeting", "en").contains("your hospital companion"))
        #expect(
            catalog.text("notice.booking_confirmed.body", "zh", ["date": "2026-12-10", "time": "09:30"]) == "您已预约2026-12-10 09:30的门诊，请提前到医院签到取号。")
        #expect(catalog.text("no.such.message", "zh") == "no.such.message", "an unknown id shows itself rather than crash a reply")
        let notices = [
            "booking_confirmed", "appointment_cancelled", "appointment_rescheduled", "session_closed", "waitlist_cancelled",
            "queue_call", "waitlist_offer", "reminder",
        ]
        #expect(notices.allSatisfy { catalog.contains("notice.\($0).title") && catalog.contains("notice.\($0).body") })
    }

    @Test("a hospital's wording changes an entry everywhere it is used, and must keep its parameters")
    func overrides() throws {
        let named = try MessageCatalog.shipped.overriding([.init(id: "assistant", zh: "小青", en: "Xiaoqing")])
        #expect(named.text("greeting", "zh").contains("我是小青"))
        #expect(named.text("greeting", "en").contains("I am Xiaoqing"))
        #expect(throws: MessageCatalog.Invalid.self) { try MessageCatalog.shipped.overriding([.init(id: "nothing.here", zh: "x", en: "x")]) }
        #expect(throws: MessageCatalog.Invalid.self) {
            try MessageCatalog.shipped.overriding([.init(id: "place", zh: "{name}在这里", en: "{name} is here")])
        }
    }

    @Test("a broken entry is refused with its file and line")
    func broken() {
        let text = """
            # comment
            {"id": "a", "zh": "你好{name}", "en": "Hello"}
            """
        #expect {
            try MessageCatalog(jsonl: text, file: "test.jsonl")
        } throws: { error in
            "\(error)".contains("test.jsonl:2") && "\(error)".contains("name")
        }
        #expect(throws: MessageCatalog.Invalid.self) {
            try MessageCatalog(jsonl: #"{"id": "a", "zh": "x", "en": "y"}"# + "\n" + #"{"id": "a", "zh": "x", "en": "y"}"#, file: "t")
        }
    }
}
