import Foundation

/// What the model is asked for and how its answer must look: a JSON schema (sections of the template, each a list
/// of statements with the transcript quote and turn that support them) and the instructions.
enum ModelDraftFormat {
    /// The answer the schema allows.
    struct Answer: Decodable {
        struct Section: Decodable {
            let key: String
            let statements: [Statement]
        }

        struct Statement: Decodable {
            let text: String
            let quote: String?
            let turn: Int?
        }

        let sections: [Section]
    }

    static func schema(for template: DraftTemplate) -> [String: Any] {
        let statement: [String: Any] = [
            "type": "object",
            "properties": [
                "text": ["type": "string", "maxLength": 400],
                "quote": ["type": "string", "maxLength": 400],
                "turn": ["type": "integer", "minimum": 0],
            ],
            "required": ["text", "quote", "turn"],
            "additionalProperties": false,
        ]
        let section: [String: Any] = [
            "type": "object",
            "properties": [
                "key": ["type": "string", "enum": template.sections.map(\.key)],
                "statements": ["type": "array", "items": statement, "maxItems": 12],
            ],
            "required": ["key", "statements"],
            "additionalProperties": false,
        ]
        return [
            "type": "object",
            // Bounds keep even a model that rambles finite.
            "properties": ["sections": ["type": "array", "items": section, "maxItems": template.sections.count]],
            "required": ["sections"],
            "additionalProperties": false,
        ]
    }

    static func instructions(for template: DraftTemplate) -> String {
        let sections = template.sections.map { "\($0.key) (\($0.title))" }.joined(separator: ", ")
        switch template {
        case .zhOutpatient:
            return """
                你是门诊病历书写助手。根据下面的问诊记录写门诊病历，只写记录中有依据的内容。分节：\(sections)。
                主诉不超过20字，写症状和持续时间，不写诊断；现病史写起病、经过、伴随症状和阴性症状（否认…）；初步诊断只用医生说的，
                医生不确定时保留“考虑/？”；处理意见写检查、药物（剂量、频次）、医嘱和复诊。每条陈述给出支持它的原话 quote（逐字摘自记录）
                和所在的轮次编号 turn。没有依据的节不写陈述。[NAME_1] 之类的占位符原样保留。只输出 JSON。
                """
        case .enSOAP:
            return """
                You write outpatient notes (SOAP) from a consultation transcript. Write only what the transcript supports. Sections: \(sections).
                Keep negatives as negatives (denies …) and doubt as doubt (likely …). For every statement give the exact words of the
                transcript that support it as `quote` (copied verbatim) and the turn number as `turn`. Leave a section without statements when
                nothing supports it. Keep placeholders such as [NAME_1] as they are. Answer with JSON only.
                """
        }
    }

    /// The transcript as the model sees it: one numbered line per turn, identifiers already replaced.
    static func transcript(_ turns: [TranscriptTurn], redactor: inout PHIRedactor) -> String {
        turns.enumerated().map { index, turn in
            let speaker =
                switch turn.speaker {
                case .doctor: "doctor"
                case .patient: "patient"
                case .other: "other"
                case .previsit: "patient (before the visit)"
                }
            return "[\(index)] \(speaker): \(redactor.redact(turn.text))"
        }.joined(separator: "\n")
    }
}
