import Clinical

/// Everything the companion says, in both languages, in one place.
enum Phrases {
    static let notADoctor = (zh: "我不是医生，以上建议仅供参考。", en: "I am not a doctor; this is guidance, not a diagnosis.")

    static func greeting(_ l: Language) -> String {
        l.pick("您好，我是您的就医助理。请告诉我哪里不舒服，我帮您看看该挂哪个科；也可以问我医院的事情。",
               "Hello, I am your hospital companion. Tell me what is bothering you and I will suggest the right clinic, or ask me about the hospital.")
    }

    /// A follow-up question's wording, from the clinical knowledge (`questions.jsonl`).
    static func followUp(_ id: String, _ l: Language) -> String {
        let question = ClinicalKnowledge.shipped.questions[id] ?? ClinicalKnowledge.shipped.questions["complaint"]!
        return l.pick(question.zh, question.en)
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
        let where_ = place.map { l.pick("急诊科在\(whereabouts($0, l))。", "The emergency department is in \(whereabouts($0, l)).") } ?? ""
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
        l.pick("\(place.name)在\(whereabouts(place, l))。", "\(place.name) is in \(whereabouts(place, l)).")
    }

    /// Where a place is, leaving out the parts a hospital does not give (not every hospital has zones).
    static func whereabouts(_ place: Place, _ l: Language) -> String {
        func part(_ value: String, _ zh: (String) -> String, _ en: (String) -> String) -> String? {
            value.isEmpty ? nil : l.pick(zh(value), en(value))
        }
        let parts = [part(place.building, { $0 }, { "the \($0)" }), part(place.floor, { "\($0)楼" }, { "floor \($0)" }),
                     part(place.zone, { "\($0)区" }, { "zone \($0)" }), part(place.room, { $0 }, { "room \($0)" })].compactMap { $0 }
        return l.pick(parts.joined(), parts.joined(separator: ", "))
    }
}
