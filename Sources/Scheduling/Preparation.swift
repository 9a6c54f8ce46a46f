/// What to bring and how to prepare for a visit to a department, in Chinese and English.
public enum Preparation {
    /// Notes for a department, general ones first.
    public static func notes(departmentId: String, english: Bool) -> [String] {
        var notes = english
            ? ["Bring the patient's ID card and medical insurance card (医保卡).",
               "Arrive 30 minutes early to check in; check-in opens 1 hour before the session."]
            : ["请携带就诊人身份证和医保卡。", "请提前30分钟到院签到取号，签到在门诊开始前1小时开放。"]
        switch departmentId {
        case "dept_gastroenterology", "dept_hepatology", "dept_endocrinology", "dept_general-medicine":
            notes.append(english ? "Blood tests may need fasting: nothing to eat for 8 hours before; water is fine."
                                 : "可能需要抽血检查，请空腹（就诊前8小时不进食，可少量饮水）。")
        case "dept_gynecology", "dept_obstetrics", "dept_urology":
            notes.append(english ? "Some ultrasound scans need a full bladder: drink water and do not empty it before the scan."
                                 : "部分B超检查需要憋尿，检查前请多饮水、暂不排尿。")
        case "dept_pediatrics":
            notes.append(english ? "Bring the child's vaccination record and earlier medical records."
                                 : "请带上孩子的疫苗接种本和既往病历。")
        case "dept_ophthalmology":
            notes.append(english ? "Eye drops that widen the pupils may blur vision for hours: do not drive yourself."
                                 : "散瞳检查后数小时内视物模糊，请勿自行驾车。")
        default:
            break
        }
        return notes
    }
}
