/// The record layouts a draft can take.
public enum DraftTemplate: String, Sendable, Codable, CaseIterable {
    /// 门诊病历: 主诉, 现病史, 既往史, 过敏史, 个人史, 家族史, 体格检查, 辅助检查, 初步诊断, 处理意见.
    case zhOutpatient = "zh-outpatient"
    /// SOAP: chief complaint, subjective, allergies, objective, assessment, plan.
    case enSOAP = "en-soap"

    /// A section of the layout: its key in the API and its title on paper.
    public struct Section: Sendable, Equatable {
        public let key: String
        public let title: String
        /// What the section says when the consultation gave nothing for it (not a clinical statement).
        public let whenEmpty: String
    }

    /// The sections in the order they are printed.
    public var sections: [Section] {
        switch self {
        case .zhOutpatient:
            [
                Section(key: "chiefComplaint", title: "主诉", whenEmpty: "未述。"),
                Section(key: "presentIllness", title: "现病史", whenEmpty: "未述。"),
                Section(key: "pastHistory", title: "既往史", whenEmpty: "不详。"),
                Section(key: "allergies", title: "过敏史", whenEmpty: "不详。"),
                Section(key: "personalHistory", title: "个人史", whenEmpty: "不详。"),
                Section(key: "familyHistory", title: "家族史", whenEmpty: "不详。"),
                Section(key: "physicalExam", title: "体格检查", whenEmpty: "未记录。"),
                Section(key: "auxiliaryExams", title: "辅助检查", whenEmpty: "暂无。"),
                Section(key: "diagnosis", title: "初步诊断", whenEmpty: "待定。"),
                Section(key: "plan", title: "处理意见", whenEmpty: "未记录。"),
            ]
        case .enSOAP:
            [
                Section(key: "chiefComplaint", title: "Chief complaint", whenEmpty: "Not stated."),
                Section(key: "subjective", title: "Subjective", whenEmpty: "Not stated."),
                Section(key: "allergies", title: "Allergies", whenEmpty: "Not recorded."),
                Section(key: "objective", title: "Objective", whenEmpty: "Not recorded."),
                Section(key: "assessment", title: "Assessment", whenEmpty: "Not recorded."),
                Section(key: "plan", title: "Plan", whenEmpty: "Not recorded."),
            ]
        }
    }

    /// The section of this layout with that key.
    public func section(_ key: String) -> Section? { sections.first { $0.key == key } }
}
