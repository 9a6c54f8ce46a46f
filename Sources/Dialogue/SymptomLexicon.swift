/// A symptom, complaint or condition the companion recognises, how patients write it in each language, and the
/// departments it points to (weights add up over everything the patient said).
struct Symptom: Sendable {
    let id: String
    let zhName: String
    let enName: String
    let zh: [String]
    let en: [String]
    let departments: [String: Double]
}

/// The symptoms and conditions, by the words patients use (口语 as well as clinical terms).
enum SymptomLexicon {
    static let all: [Symptom] = [
        // Fever and infection
        Symptom(id: "high_fever", zhName: "高热", enName: "high fever", zh: ["高烧", "高热", "烧得很高", "烧到四十", "烧到40", "烧到39"], en: ["high fever", "very high temperature"],
                departments: ["dept_general-medicine": 1.5, "dept_infectious": 1, "dept_respiratory": 1]),
        Symptom(id: "fever", zhName: "发热", enName: "fever", zh: ["发烧", "发热", "低烧", "低热", "烧到", "体温高", "体温升高", "烧了"],
                en: ["fever", "temperature", "feverish", "febrile"], departments: ["dept_general-medicine": 1.5, "dept_infectious": 1, "dept_respiratory": 1]),
        Symptom(id: "chills", zhName: "寒战", enName: "chills", zh: ["寒战", "发冷", "畏寒", "怕冷"], en: ["chills", "shivering"],
                departments: ["dept_general-medicine": 1, "dept_infectious": 1]),
        Symptom(id: "infection", zhName: "传染病", enName: "infectious disease", zh: ["病毒性肝炎", "非病毒性肝炎", "病毒性", "传染", "艾滋", "hiv", "梅毒", "结核", "伤寒", "疟疾", "手足口", "水痘", "麻疹", "狂犬", "猩红热", "流行性", "淋病", "尖锐湿疣", "疱疹", "腮腺炎", "布鲁氏", "寄生虫", "蛔虫", "感染科", "病毒感染", "细菌感染", "登革热", "隐球菌", "支原体", "衣原体", "甲流", "乙流", "新冠"],
                en: ["hiv", "aids", "syphilis", "tuberculosis", "malaria", "measles", "chickenpox", "contagious", "infection", "covid"], departments: ["dept_infectious": 4]),
        // Respiratory
        Symptom(id: "cough", zhName: "咳嗽", enName: "cough", zh: ["咳嗽", "干咳", "咳痰", "有痰", "痰多", "老咳", "咳个不停", "咳"], en: ["cough", "coughing", "phlegm", "sputum"],
                departments: ["dept_respiratory": 2, "dept_general-medicine": 0.5]),
        Symptom(id: "sore_throat", zhName: "咽痛", enName: "sore throat", zh: ["咽痛", "嗓子疼", "嗓子痛", "喉咙痛", "喉咙疼", "咽喉痛", "嗓子哑", "声音嘶哑"],
                en: ["sore throat", "throat hurts", "hoarse"], departments: ["dept_ent": 1.5, "dept_respiratory": 1]),
        Symptom(id: "runny_nose", zhName: "流涕", enName: "runny nose", zh: ["流鼻涕", "流涕", "鼻塞", "打喷嚏", "鼻子不通"], en: ["runny nose", "stuffy nose", "sneezing", "blocked nose"],
                departments: ["dept_ent": 1, "dept_respiratory": 1, "dept_general-medicine": 0.5]),
        Symptom(id: "breathless", zhName: "呼吸困难", enName: "difficulty breathing", zh: ["呼吸困难", "喘不上气", "喘不过气", "透不过气", "上不来气", "不能呼吸", "呼吸不了", "憋气", "憋得慌", "喘憋"],
                en: ["shortness of breath", "short of breath", "can't breathe", "cannot breathe", "difficulty breathing", "struggling to breathe", "breathless", "hard to breathe"],
                departments: ["dept_respiratory": 2, "dept_cardiology": 1.5]),
        Symptom(id: "mild_breathless", zhName: "气短", enName: "shortness of breath on exertion", zh: ["气短", "气促", "胸闷", "气喘"], en: ["winded"],
                departments: ["dept_respiratory": 1.5, "dept_cardiology": 1.5]),
        Symptom(id: "lung", zhName: "肺部疾病", enName: "lung disease", zh: ["肺炎", "支气管", "哮喘", "肺结节", "肺气肿", "慢阻肺", "肺部", "肺癌", "肺大泡", "肺纤维化", "胸腔积液", "肺栓塞", "气管炎", "呼吸道", "肺"],
                en: ["pneumonia", "asthma", "bronchitis", "lung", "copd"], departments: ["dept_respiratory": 3.5]),
        Symptom(id: "hemoptysis", zhName: "咯血", enName: "coughing blood", zh: ["咯血", "咳血", "痰中带血", "痰里有血"], en: ["coughing blood", "coughing up blood", "blood in sputum"],
                departments: ["dept_respiratory": 3]),
        // Heart and circulation
        Symptom(id: "chest_pain", zhName: "胸痛", enName: "chest pain", zh: ["胸痛", "胸口痛", "胸口疼", "心口痛", "心口疼", "胸部疼痛", "胸部痛", "胸疼", "心绞痛", "胸口压", "胸口闷痛", "胸口剧痛", "胸部剧痛", "胸口剧烈疼痛", "胸口很痛", "胸口很疼"],
                en: ["chest pain", "chest hurts", "pain in my chest", "chest tightness", "chest pressure"], departments: ["dept_cardiology": 3, "dept_respiratory": 0.5]),
        Symptom(id: "palpitations", zhName: "心悸", enName: "palpitations", zh: ["心慌", "心悸", "心跳快", "心跳很快", "心跳过快", "心跳慢", "心律不齐", "早搏", "房颤", "心动过速", "心动过缓", "心跳不规律"],
                en: ["palpitations", "heart racing", "racing heart", "irregular heartbeat", "heart pounding"], departments: ["dept_cardiology": 3]),
        Symptom(id: "heart", zhName: "心脏病", enName: "heart disease", zh: ["高血压", "血压高", "低血压", "心脏", "心律", "窦性", "冠心病", "心肌", "心衰", "心梗", "心肌梗", "血管", "动脉硬化", "心电图", "支架", "先心病", "风心病", "血压", "静脉曲张", "脉管炎", "主动脉", "心包", "瓣膜"],
                en: ["high blood pressure", "hypertension", "heart disease", "heart attack", "blood pressure"], departments: ["dept_cardiology": 4]),
        // Nervous system
        Symptom(id: "headache", zhName: "头痛", enName: "headache", zh: ["头痛", "头疼", "偏头痛", "脑袋疼", "头部疼痛"], en: ["headache", "migraine", "head hurts"],
                departments: ["dept_neurology": 2.5, "dept_general-medicine": 0.5]),
        Symptom(id: "dizziness", zhName: "头晕", enName: "dizziness", zh: ["头晕", "眩晕", "头昏", "天旋地转", "晕乎乎"], en: ["dizzy", "dizziness", "vertigo", "lightheaded"],
                departments: ["dept_neurology": 2, "dept_cardiology": 0.5, "dept_ent": 0.5]),
        Symptom(id: "neuro", zhName: "神经系统疾病", enName: "nerve problem", zh: ["癫痫", "羊角风", "帕金森", "脑梗", "脑血栓", "中风", "面瘫", "面神经", "神经痛", "三叉神经", "脑萎缩", "老年痴呆", "痴呆", "记忆力", "手抖", "震颤", "麻木", "脑出血", "脑膜炎", "神经", "抽动", "多动", "失眠", "睡不着", "脑瘫", "重症肌无力", "坐骨神经", "脑供血", "脑炎", "偏瘫", "半身不遂"],
                en: ["epilepsy", "parkinson", "stroke", "numbness", "tremor", "memory loss", "dementia", "insomnia", "can't sleep", "neuropathy"], departments: ["dept_neurology": 3.5]),
        Symptom(id: "seizure", zhName: "抽搐", enName: "seizure", zh: ["抽搐", "抽风", "惊厥", "癫痫发作", "口吐白沫", "四肢抽动"], en: ["seizure", "seizing", "convulsion", "convulsing", "fitting"],
                departments: ["dept_neurology": 3]),
        Symptom(id: "stroke_signs", zhName: "中风征象", enName: "stroke signs", zh: ["口角歪斜", "嘴歪", "嘴角歪", "说话不清", "口齿不清", "言语不清", "说不出话", "一侧无力", "半边身子", "半身麻木", "一边手脚没力", "一侧肢体", "突然看不见", "脸歪"],
                en: ["face drooping", "face is drooping", "face droop", "speech is slurred", "drooping", "drooping face", "slurred speech", "slurring", "one side weak", "weakness on one side", "arm weakness", "can't move my arm", "numb on one side"],
                departments: ["dept_neurology": 3]),
        Symptom(id: "syncope", zhName: "晕厥", enName: "fainting", zh: ["晕倒", "昏倒", "晕厥", "昏迷", "昏过去", "晕过去", "失去意识", "意识不清", "叫不醒", "不省人事", "人事不省", "没有意识", "没反应"],
                en: ["fainted", "fainting", "passed out", "unconscious", "blacked out", "unresponsive", "collapsed", "not responding"], departments: ["dept_neurology": 2, "dept_cardiology": 2]),
        Symptom(id: "confusion", zhName: "意识模糊", enName: "confusion", zh: ["意识模糊", "糊涂", "说胡话", "神志不清", "认不出人", "胡言乱语", "反应迟钝"], en: ["confused", "confusion", "disoriented", "not making sense"],
                departments: ["dept_neurology": 2]),
        Symptom(id: "stiff_neck", zhName: "颈项强直", enName: "stiff neck", zh: ["脖子硬", "颈部僵硬", "脖子僵硬", "颈项强直", "脖子发硬", "颈强直"], en: ["stiff neck", "neck stiffness", "neck is stiff"],
                departments: ["dept_neurology": 2]),
        // Digestive and liver
        Symptom(id: "abdominal_pain", zhName: "腹痛", enName: "abdominal pain", zh: ["肚子痛", "肚子疼", "肚子剧烈疼痛", "肚子剧痛", "肚子很痛", "肚子很疼", "腹部剧痛", "腹痛", "胃痛", "胃疼", "腹部疼痛", "肚子不舒服", "胃不舒服", "上腹", "下腹痛", "小腹痛", "肚脐"],
                en: ["stomach ache", "stomachache", "abdominal pain", "belly pain", "tummy ache", "stomach pain", "stomach hurts"], departments: ["dept_gastroenterology": 2.5, "dept_general-surgery": 0.5]),
        Symptom(id: "nausea", zhName: "恶心呕吐", enName: "nausea or vomiting", zh: ["恶心", "呕吐", "想吐", "吐了", "反胃", "干呕"], en: ["nausea", "nauseous", "vomiting", "vomit", "throwing up", "threw up"],
                departments: ["dept_gastroenterology": 2]),
        Symptom(id: "diarrhea", zhName: "腹泻", enName: "diarrhoea", zh: ["腹泻", "拉肚子", "拉稀", "大便稀", "水样便", "便溏"], en: ["diarrhea", "diarrhoea", "loose stool"],
                departments: ["dept_gastroenterology": 2.5, "dept_infectious": 0.5]),
        Symptom(id: "digestive", zhName: "消化系统疾病", enName: "digestive problem", zh: ["胃炎", "胃溃疡", "十二指肠", "肠炎", "结肠", "直肠", "便秘", "消化不良", "反酸", "烧心", "胃胀", "腹胀", "胃酸", "幽门", "胃镜", "肠镜", "息肉", "痔疮", "肛", "食道", "食管", "胰腺", "胆囊", "胆结石", "胃病", "打嗝", "嗳气", "大便", "胃口", "胃出血", "肠胃", "胃癌", "肠癌", "胃下垂", "溃疡性", "克罗恩", "肠易激", "胃", "肠道"],
                en: ["gastritis", "ulcer", "constipation", "heartburn", "acid reflux", "bloating", "indigestion", "hemorrhoids", "colitis"], departments: ["dept_gastroenterology": 3.5]),
        Symptom(id: "gi_bleeding", zhName: "消化道出血", enName: "bleeding from the gut", zh: ["吐血", "呕血", "黑便", "柏油样", "便血", "大便带血", "大便出血", "大便发黑", "拉血"],
                en: ["vomiting blood", "black stool", "black stools", "tarry stool", "blood in stool", "bloody stool"], departments: ["dept_gastroenterology": 3]),
        Symptom(id: "liver", zhName: "肝病", enName: "liver disease", zh: ["肝炎", "乙肝", "丙肝", "甲肝", "戊肝", "肝硬化", "脂肪肝", "转氨酶", "肝功能", "肝癌", "大三阳", "小三阳", "肝区", "肝脏", "肝囊肿", "肝血管瘤", "黄疸", "皮肤发黄", "眼睛发黄", "肝腹水", "乙型", "酒精肝", "肝损伤"],
                en: ["hepatitis", "liver", "jaundice", "cirrhosis", "fatty liver"], departments: ["dept_hepatology": 4]),
        // Endocrine, kidney, blood, immune
        Symptom(id: "endocrine", zhName: "内分泌疾病", enName: "hormone or metabolic problem", zh: ["糖尿病", "血糖", "甲状腺结节", "甲状腺", "甲亢", "甲减", "痛风", "尿酸", "肥胖", "多饮多尿", "胰岛素", "内分泌", "激素", "骨质疏松", "垂体", "肾上腺", "桥本", "血脂", "胆固醇", "甘油三酯", "低血糖", "糖耐量", "更年期", "消瘦"],
                en: ["diabetes", "blood sugar", "thyroid", "gout", "uric acid", "insulin", "hormone", "cholesterol", "obesity", "osteoporosis"], departments: ["dept_endocrinology": 4]),
        Symptom(id: "kidney", zhName: "肾病", enName: "kidney problem", zh: ["肾炎", "肾病", "肾衰", "尿毒症", "肌酐", "蛋白尿", "肾功能", "透析", "肾结石", "肾囊肿", "肾积水", "水肿", "浮肿", "肾虚", "肾小球", "紫癜性肾炎", "肾综", "肾盂", "肾", "尿蛋白", "潜血", "尿崩"],
                en: ["kidney", "renal", "dialysis", "protein in urine", "swelling in legs", "swollen ankles"], departments: ["dept_nephrology": 4]),
        Symptom(id: "urinary", zhName: "排尿不适", enName: "urinary problem", zh: ["尿频", "尿急", "尿痛", "血尿", "排尿困难", "小便疼", "小便痛", "尿不出", "前列腺", "尿路感染", "尿道", "膀胱", "尿失禁", "夜尿"],
                en: ["painful urination", "burning when i pee", "blood in urine", "frequent urination", "prostate", "bladder", "uti"], departments: ["dept_nephrology": 3, "dept_urology": 2.5]),
        Symptom(id: "blood", zhName: "血液病", enName: "blood disorder", zh: ["贫血", "白血病", "血小板", "淋巴瘤", "骨髓", "血友病", "紫癜", "白细胞", "红细胞", "血红蛋白", "地中海贫血", "血液病", "血液", "骨髓瘤", "再障", "再生障碍", "凝血", "淋巴结", "败血症"],
                en: ["anemia", "anaemia", "leukemia", "platelet", "lymphoma", "bruising easily", "blood disorder"], departments: ["dept_hematology": 5]),
        Symptom(id: "rheumatic", zhName: "风湿免疫病", enName: "rheumatic disease", zh: ["风湿", "类风湿", "红斑狼疮", "强直性脊柱炎", "干燥综合征", "关节肿", "晨僵"], en: ["rheumatoid", "lupus", "arthritis", "morning stiffness"],
                departments: ["dept_rheumatology": 4]),
        // Surgery, bones, injuries
        Symptom(id: "bone_joint", zhName: "骨关节痛", enName: "bone or joint pain", zh: ["骨折", "扭伤", "腰痛", "腰疼", "颈椎", "腰椎", "膝盖", "关节痛", "关节疼", "骨头", "腰间盘", "椎间盘", "肩周炎", "崴脚", "脚踝", "手腕", "腿疼", "背痛"],
                en: ["fracture", "broken bone", "sprain", "back pain", "knee", "joint pain", "neck pain", "ankle", "wrist"], departments: ["dept_orthopedics": 3]),
        Symptom(id: "injury", zhName: "外伤", enName: "injury", zh: ["外伤", "摔伤", "摔倒", "割伤", "划伤", "烫伤", "烧伤", "撞伤", "被狗咬", "咬伤", "伤口"], en: ["injury", "injured", "cut myself", "wound", "burn", "fell down", "bitten"],
                departments: ["dept_general-surgery": 2, "dept_orthopedics": 1]),
        Symptom(id: "major_trauma", zhName: "严重外伤", enName: "major trauma", zh: ["车祸", "高处坠落", "从楼上摔", "大出血", "血流不止", "止不住血", "流了很多血", "刀伤很深", "骨头露出来", "被车撞"],
                en: ["car accident", "hit by a car", "fell from a height", "heavy bleeding", "won't stop bleeding", "bleeding heavily", "deep cut", "bone sticking out"], departments: ["dept_general-surgery": 3]),
        Symptom(id: "surgical", zhName: "外科问题", enName: "surgical problem", zh: ["阑尾", "疝气", "乳腺", "乳房", "肿块", "包块", "脓肿", "结石"], en: ["appendicitis", "hernia", "lump", "breast"],
                departments: ["dept_general-surgery": 2.5]),
        // Women, pregnancy, children
        Symptom(id: "gynecologic", zhName: "妇科问题", enName: "gynaecological problem", zh: ["避孕", "月经", "痛经", "白带", "阴道", "宫颈", "子宫", "卵巢", "盆腔", "经期", "闭经", "外阴", "妇科", "大姨妈", "例假"],
                en: ["period", "menstrual", "vaginal", "ovary", "uterus", "cervix", "pelvic"], departments: ["dept_gynecology": 3.5]),
        Symptom(id: "pregnancy", zhName: "妊娠", enName: "pregnancy", zh: ["怀孕", "孕", "产检", "胎动", "胎儿", "待产", "临产", "羊水"], en: ["pregnant", "pregnancy", "expecting a baby", "prenatal", "weeks pregnant"],
                departments: ["dept_obstetrics": 4]),
        Symptom(id: "vaginal_bleeding", zhName: "阴道出血", enName: "vaginal bleeding", zh: ["阴道出血", "见红", "下面出血", "流血", "出血"], en: ["vaginal bleeding", "bleeding", "spotting"],
                departments: ["dept_gynecology": 1.5, "dept_obstetrics": 1]),
        // Senses, skin, teeth, mind
        Symptom(id: "eye", zhName: "眼部不适", enName: "eye problem", zh: ["眼睛", "视力", "看不清", "眼红", "眼痛", "眼干", "近视", "白内障", "青光眼", "流泪", "眼皮"], en: ["eye", "eyes", "vision", "blurry", "blurred vision"],
                departments: ["dept_ophthalmology": 3.5]),
        Symptom(id: "ent", zhName: "耳鼻喉不适", enName: "ear, nose or throat problem", zh: ["耳鸣", "耳朵", "听力", "中耳炎", "鼻炎", "鼻窦炎", "扁桃体", "流鼻血", "鼻出血", "咽炎", "打鼾"], en: ["ear", "hearing", "tinnitus", "sinus", "tonsil", "nosebleed", "snoring"],
                departments: ["dept_ent": 3.5]),
        Symptom(id: "tooth", zhName: "牙痛", enName: "toothache", zh: ["牙痛", "牙疼", "牙龈", "蛀牙", "智齿", "口腔溃疡", "牙齿"], en: ["toothache", "tooth", "gum", "teeth"],
                departments: ["dept_stomatology": 3.5]),
        Symptom(id: "skin", zhName: "皮肤问题", enName: "skin problem", zh: ["皮疹", "出疹", "湿疹", "荨麻疹", "痒", "皮肤", "痘", "脱发", "红疹", "疹子", "癣", "斑"], en: ["rash", "itchy", "itching", "eczema", "hives", "acne", "skin"],
                departments: ["dept_dermatology": 3]),
        Symptom(id: "allergy_swelling", zhName: "喉头肿胀", enName: "throat or tongue swelling", zh: ["喉咙肿", "嗓子肿", "喉头水肿", "舌头肿", "嘴唇肿", "过敏性休克", "脸肿得厉害"],
                en: ["throat swelling", "throat is swelling", "throat closing", "swollen tongue", "tongue swelling", "lips swelling", "anaphylaxis", "anaphylactic"], departments: ["dept_emergency": 3]),
        Symptom(id: "mood", zhName: "情绪问题", enName: "mood problem", zh: ["焦虑", "抑郁", "情绪低落", "心情不好", "压力大", "紧张", "恐慌", "惊恐", "强迫"], en: ["anxiety", "anxious", "depressed", "depression", "panic", "stress"],
                departments: ["dept_psychiatry": 3]),
        Symptom(id: "self_harm", zhName: "自伤念头", enName: "thoughts of self-harm", zh: ["想死", "自杀", "轻生", "不想活", "活着没意思", "割腕", "结束生命", "寻死", "跳楼"],
                en: ["kill myself", "suicide", "suicidal", "end my life", "self-harm", "hurt myself", "want to die", "don't want to live"], departments: ["dept_psychiatry": 4]),
        Symptom(id: "sweating", zhName: "出汗", enName: "sweating", zh: ["出汗", "冒冷汗", "冷汗", "大汗", "出冷汗", "满头大汗"], en: ["sweating", "sweaty", "cold sweat"], departments: [:]),
        Symptom(id: "fatigue", zhName: "乏力", enName: "tiredness", zh: ["乏力", "没力气", "疲劳", "累", "无力"], en: ["tired", "fatigue", "weak", "exhausted"],
                departments: ["dept_general-medicine": 1]),
        Symptom(id: "cold", zhName: "感冒", enName: "cold", zh: ["感冒", "着凉", "受凉", "流感"], en: ["cold", "flu"], departments: ["dept_respiratory": 2, "dept_general-medicine": 1]),
    ]

    /// Every written form, longest first (so 胸口痛 wins over 痛 in the same place), with its symptom.
    static let terms: [(term: String, symptom: Symptom, language: Language)] = {
        var terms: [(String, Symptom, Language)] = []
        for symptom in all {
            for term in symptom.zh { terms.append((term, symptom, .zh)) }
            for term in symptom.en { terms.append((term, symptom, .en)) }
        }
        return terms.sorted { $0.0.count > $1.0.count }
    }()

    static let byId: [String: Symptom] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}
