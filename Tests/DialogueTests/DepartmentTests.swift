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
        // A disease of long standing is the background; what is new decides (糖尿病 → the kidneys).
        ("糖尿病十来年了，最近查尿里有蛋白", "dept_nephrology"), ("高血压十几年了，想调一下降压药", "dept_cardiology"),
        // A check-up after an operation, with nothing wrong now, goes to the specialty that operated.
        ("几年前脑出血做过手术，现在来复查", "dept_neurosurgery"),
        // A question in the A-not-A form asks; it does not deny (要不要开刀 asks about an operation).
        ("肺上有个磨玻璃结节，要不要开刀", "dept_cardiothoracic"), ("身上动不动就青一块紫一块", "dept_hematology"),
        // Evidence adds up: dry mouth and dry eyes together, a swollen face beside a wisdom tooth.
        // An adult named as the one who is ill keeps a child in the message as the context.
        ("孩子班上好几个得了水痘，大人要不要打疫苗", "dept_infectious"),
        // A fever lasting a week or more is a prolonged fever; a short one stays with the general physician.
        ("发烧半个月了，查了好几次都找不到原因", "dept_infectious"), ("发烧两天了", "dept_general-medicine"),
        ("腮帮子两边都肿了，发烧", "dept_infectious"), ("眼皮和腿都肿，早上起来特别明显", "dept_nephrology"),
        ("尿酸高，脚踝又红又肿又烫", "dept_rheumatology"), ("不知道挂什么科，就是最近老是累，吃不下", "dept_general-medicine"),
        ("I need help getting my shoulder moving again after surgery", "dept_rehabilitation"),
        // Batches de-dev35 and de-dev36: a band of blisters, swollen stiff fingers, 钟头 is no head, 无缘无故 denies nothing.
        ("腰上起了一圈水泡，火辣辣地疼", "dept_dermatology"), ("早上起来手指头又僵又肿，要活动一个钟头才松开", "dept_rheumatology"),
        ("身上老是无缘无故出现青紫，刷牙牙龈也出血", "dept_hematology"), ("喝酒喝了二十年，最近肚子越来越大，脸发黄", "dept_hepatology"),
        ("I get pain under my right ribs after fatty meals that goes to my shoulder blade", "dept_general-surgery"),
        // Eighth batch: an animal and a bite compose; calf pain on walking is the arteries; a deformity after years of
        // joint pain is not an injury; a fever's duration counts only when the fever opens the complaint.
        ("被老鼠咬了一口", "dept_infectious"), ("走路多了小腿就疼，歇一歇又能走", "dept_cardiology"),
        ("关节疼了好几年，手指都变形了", "dept_rheumatology"), ("痰多，黄脓痰，咳了一个礼拜，有点发热", "dept_respiratory"),
        // Tenth batch: a feverish child goes to the children's clinic even with a nose complaint; 腰眼 is the loin.
        ("my 18 month old has had a runny nose and fever for three days", "dept_pediatrics"), ("孩子鼻塞流鼻涕，不发烧", "dept_ent"),
        ("左边腰眼疼，B超说输尿管有个小石头", "dept_urology"),
        // Thirteenth batch: the child's father is an adult (孩子他爸); a hand that shakes is a tremor.
        ("孩子他爸血糖高，空腹八点几，要吃药不", "dept_endocrinology"), ("老妈手一直抖，拿筷子都夹不住菜", "dept_neurology"),
        ("嘴巴特别干，眼睛也干涩", "dept_rheumatology"), ("眼睛干涩", "dept_ophthalmology"), ("智齿发炎了，脸都肿了", "dept_stomatology"),
        // Batch de-dev41: a drooping eyelid with double vision is a pattern of the nerves; dark velvety neck skin; fingers
        // that go white in the cold.
        ("上眼皮耷拉着，看东西重影", "dept_neurology"), ("看东西有重影", "dept_ophthalmology"), ("腋下发黑，摸着像天鹅绒", "dept_endocrinology"),
        ("一遇冷手指就发白发紫", "dept_rheumatology"),
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
