/// Everything the companion says, in both languages, in one place.
enum Phrases {
    static let notADoctor = (zh: "我不是医生，以上建议仅供参考。", en: "I am not a doctor; this is guidance, not a diagnosis.")

    static func greeting(_ l: Language) -> String {
        l.pick("您好，我是您的就医助理。请告诉我哪里不舒服，我帮您看看该挂哪个科；也可以问我医院的事情。",
               "Hello, I am your hospital companion. Tell me what is bothering you and I will suggest the right clinic, or ask me about the hospital.")
    }

    static func followUp(_ id: String, _ l: Language) -> String {
        switch id {
        case "complaint": l.pick("请说说哪里不舒服，比如什么症状、持续多久了？", "What is bothering you? Tell me the symptoms and how long they have lasted.")
        case "chest_pain_companions": l.pick("胸痛的时候有没有出汗、气短，或者疼痛向左臂、后背、下巴放射？", "With the chest pain, are you sweating or short of breath, or does the pain spread to your arm, back or jaw?")
        case "headache_onset": l.pick("头痛是突然开始的吗？是不是这辈子最厉害的一次？", "Did the headache start suddenly? Is it the worst you have ever had?")
        case "temperature": l.pick("量过体温吗？最高多少度？", "Have you taken the temperature? What was the highest?")
        case "duration": l.pick("这种情况持续多久了？", "How long has this been going on?")
        default: l.pick("生病的是您本人还是家人？多大年纪？", "Is this for you or a family member? How old are they?")
        }
    }

    static func levelAdvice(_ triage: TriageResult, _ l: Language) -> String {
        switch triage.level {
        case .emergency: ""
        case .urgent: l.pick("建议 24 小时内就诊。", "Please see a doctor within 24 hours.")
        case .routine: l.pick("可以预约近期的门诊。", "A regular appointment in the coming days is fine.")
        case .selfCare:
            l.pick("目前听起来可以先在家观察：多休息、多喝水。如果出现发烧超过 38.5℃、呼吸困难或症状加重，请及时就医。",
                   "For now this sounds manageable at home: rest and drink plenty. If a fever over 38.5°C, trouble breathing or worse symptoms appear, see a doctor.")
        }
    }

    static func emergency(_ flags: [RedFlag], place: Place?, _ l: Language) -> String {
        let signs = flags.map { l == .zh ? $0.zh : $0.en }.joined(separator: l.pick("、", ", "))
        let where_ = place.map { l.pick("急诊科在\($0.building)\($0.floor)楼\($0.zone)区\($0.room)。", "The emergency department is in the \($0.building), floor \($0.floor), zone \($0.zone).") } ?? ""
        return l.pick("您说的情况（\(signs)）可能很危险。请立即拨打 120，或马上到急诊科就诊，不要自己开车。\(where_)\(notADoctor.zh)",
                      "What you describe (\(signs)) can be dangerous. Call 120 now or go to the emergency department straight away; do not drive yourself. \(where_) \(notADoctor.en)")
    }

    static func handoff(_ l: Language) -> String {
        l.pick("好的，我为您转接人工服务，请稍候；工作人员会在这里回复您。如果情况紧急，请直接拨打 120。",
               "I am passing you to a member of staff; they will answer here shortly. If it is urgent, call 120.")
    }

    static func notUnderstood(_ l: Language) -> String {
        l.pick("抱歉，我没有听明白。您可以说说哪里不舒服，或者问我医院的事情，比如“停车场在哪里”。",
               "Sorry, I did not understand. Tell me what is bothering you, or ask about the hospital, for example \"where can I park\".")
    }

    static func notKnown(_ l: Language) -> String {
        l.pick("这个问题我暂时回答不了。需要的话我可以为您转人工服务。", "I do not know the answer to that. I can pass you to a member of staff if you like.")
    }

    static func place(_ place: Place, _ l: Language) -> String {
        l.pick("\(place.name)在\(place.building)\(place.floor)楼\(place.zone)区\(place.room)。", "\(place.name) is in the \(place.building), floor \(place.floor), zone \(place.zone), room \(place.room).")
    }
}
