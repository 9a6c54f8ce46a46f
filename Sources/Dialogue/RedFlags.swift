/// A sign that the patient may need emergency care now.
public struct RedFlag: Sendable, Codable, Equatable {
    public let id: String
    public let zh: String
    public let en: String
}

/// The red-flag rules (../shared/DOMAIN.md): single signs and pairs. They read only symptoms said to be present, so
/// 没有胸痛 / denies chest pain never fires.
enum RedFlags {
    static func evaluate(_ facts: Facts) -> [RedFlag] {
        var flags: [RedFlag] = []
        func flag(_ id: String, _ zh: String, _ en: String) { flags.append(RedFlag(id: id, zh: zh, en: en)) }
        let f = facts
        if f.has("chest_pain"), f.has("sweating") || f.has("breathless") || f.has("mild_breathless") || f.has("nausea") || f.has("syncope") {
            flag("chest_pain_with_sweating_or_breathlessness", "胸痛伴出汗或气短", "chest pain with sweating or breathlessness")
        } else if f.has("chest_pain"), f.isSevere || f.isSudden {
            flag("severe_chest_pain", "突发剧烈胸痛", "sudden severe chest pain")
        }
        if f.has("stroke_signs") { flag("stroke_signs", "口角歪斜、言语不清或一侧无力", "face droop, slurred speech or one-sided weakness") }
        if f.has("breathless") { flag("severe_breathing_difficulty", "严重呼吸困难", "severe difficulty breathing") }
        if f.has("syncope") { flag("loss_of_consciousness", "晕厥或意识丧失", "fainting or loss of consciousness") }
        if f.has("hemoptysis") || f.has("gi_bleeding") { flag("bleeding", "呕血、咯血或黑便", "vomiting or coughing blood, or black stools") }
        if f.has("headache"), f.isSudden, f.isSevere { flag("thunderclap_headache", "突发剧烈头痛", "sudden, worst-ever headache") }
        if f.hasFever, f.has("stiff_neck") { flag("fever_with_stiff_neck", "发热伴颈部僵硬", "fever with a stiff neck") }
        if f.hasHighFever, f.has("skin") { flag("high_fever_with_rash", "高热伴皮疹", "high fever with a rash") }
        if f.has("seizure") { flag("seizure", "抽搐", "a seizure") }
        if f.has("allergy_swelling") { flag("severe_allergic_reaction", "严重过敏反应（喉咙或舌头肿胀）", "severe allergic reaction (throat or tongue swelling)") }
        if f.isInfant, f.hasFever { flag("infant_fever", "三个月以下婴儿发热", "fever in a baby under 3 months") }
        if f.isPregnant, f.has("vaginal_bleeding") || (f.has("abdominal_pain") && f.isSevere) {
            flag("pregnancy_bleeding_or_pain", "孕期出血或剧烈腹痛", "bleeding or severe abdominal pain in pregnancy")
        }
        if f.has("self_harm") { flag("self_harm", "伤害自己的念头", "thoughts of harming yourself") }
        if f.has("major_trauma") { flag("major_trauma", "严重外伤或大出血", "major injury or heavy bleeding") }
        if f.isElderly, f.hasFever, f.has("confusion") { flag("elderly_fever_confusion", "老人发热伴意识模糊", "fever with confusion in an older person") }
        return flags
    }
}
