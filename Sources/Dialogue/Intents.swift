import Foundation
import ModelRuntime

/// What a message asks for, from its words. The first rule that fits wins; red flags are not decided here (they
/// come from the symptoms and win over any intent).
enum Intents {
    static func classify(_ text: String, utterance: Utterance) -> Utterance.Intent {
        func has(_ words: [String]) -> Bool { words.contains(where: text.includes) }
        if has(["转人工", "人工客服", "人工服务", "找真人", "真人", "找个人", "talk to a person", "talk to someone", "real person", "human", "speak to a person", "operator", "agent"]) {
            return .handoff
        }
        if has(["不取消", "别取消", "不要取消", "don't cancel", "do not cancel", "keep it"]) { return .deny }
        if has(["取消", "退号", "不去了", "cancel"]) { return .cancel }
        if has(["改到", "改约", "改时间", "换个时间", "换时间", "换一天", "改期", "reschedule", "change the time", "move my appointment", "another time", "different time"]) {
            return .reschedule
        }
        if has(["别的科", "其他科", "换个科", "换一个科", "还有别的科", "another department", "other department", "different department",
                "another clinic", "different clinic"]) {
            return .otherDepartment
        }
        if has(["别的医生", "其他医生", "换个医生", "换一个医生", "还有别的医生", "another doctor", "other doctor", "different doctor"]) { return .otherDoctor }
        if has(["我到医院了", "到医院了", "我到了", "已经到了", "到门诊了", "我在医院", "i'm here", "i am here", "i have arrived", "i've arrived", "i arrived", "at the hospital now"]) {
            return .arrived
        }
        if has(["还要等多久", "等多久", "排到我", "前面还有", "多久轮到", "轮到我", "叫到我", "how long", "my turn", "queue", "how many people"]) { return .queueStatus }
        if has(["报告什么时候", "结果什么时候", "什么时候出结果", "报告多久", "when will the results", "when are the results", "results ready", "report ready"]) {
            return .reportTime
        }
        if utterance.placeKind != nil, has(["在哪", "哪里", "怎么走", "在几楼", "位置", "where", "how do i get", "how to get", "which floor"]) {
            return .directions
        }
        if has(["挂号", "预约", "挂个号", "帮我约", "给我约", "约个", "约一下", "约一个", "约吧", "挂一个", "看医生", "看病", "book", "appointment", "register",
                "see a doctor"]) {
            return .book
        }
        if utterance.facts.symptoms.isEmpty, utterance.facts.negated.isEmpty {
            let bare = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            if ["好的", "好", "可以", "行", "确认", "是的", "是", "对", "嗯", "没问题", "好啊", "确定", "就这个", "ok", "okay", "yes", "sure", "yep", "yeah", "confirm", "please do", "go ahead"]
                .contains(where: { bare == $0 || bare.hasPrefix($0 + ",") || bare.hasPrefix($0 + "，") || (bare.hasPrefix($0) && bare.count <= $0.count + 4) })
            {
                return .affirm
            }
            if ["不用", "不要", "算了", "不了", "不需要", "no", "nope", "no thanks", "not now"].contains(where: { bare.hasPrefix($0) }) { return .deny }
            if has(["换一个", "换个", "别的", "其他", "another", "something else", "other"]) { return .change }
            if has(["谢谢", "感谢", "thank"]) { return .thanks }
            if has(["你好", "您好", "在吗", "hello", "hi ", "hey"]) || ["hi", "hello", "hey"].contains(bare) { return .greeting }
        }
        if has(["?", "？", "吗", "什么", "怎么", "几点", "多少", "哪", "能不能", "可以吗", "how ", "what ", "when ", "where ", "can i", "do i", "is there", "are there"]) {
            return .question
        }
        return .statement
    }
}
