import Testing
@testable import Dialogue

/// The department from composed findings, and booking words, on phrasings the old lexicon got wrong (issue 15).
struct DepartmentTests {
    @Test(arguments: [
        ("这几天小便的时候很痛，老想上厕所，尿不干净", "dept_urology"), ("腰疼，小便有血", "dept_urology"),
        ("脚趾头又红又肿，疼得晚上睡不着，以前查过尿酸高", "dept_rheumatology"),
        ("最近老是口干,一天要喝好多水,夜里起来尿好几次,一个月掉了五六斤", "dept_endocrinology"),
        ("孩子眼睛又红又痒", "dept_ophthalmology"), ("孩子咳嗽三天", "dept_pediatrics"), ("怀孕了，最近感冒", "dept_obstetrics"),
        ("想做针灸", "dept_tcm"), ("肺结节医生说要手术切除", "dept_cardiothoracic"),
    ])
    func departmentFromEvidence(text: String, department: String) {
        var facts = Facts()
        facts.merge(BuiltInUnderstanding().understand(text, today: .monday).facts, text: text)
        #expect(Triage.assess(facts, departments: DemoDepartments.bySpecialty)?.departmentId == department, "\(text)")
    }

    @Test(arguments: ["那约一下吧", "帮我约明天的", "给我约一个", "book me in please"])
    func everydayBookingWords(text: String) {
        #expect(BuiltInUnderstanding().understand(text, today: .monday).intent == .book, "\(text)")
    }
}
