import Testing
@testable import Dialogue

/// Red flags win: every emergency phrasing is caught; negated or mild complaints are not alarms.
struct RedFlagTests {
    static let emergencies: [String] = [
        "胸口痛，还出了一身冷汗", "胸痛得厉害，喘不上气", "我爸突然胸口压榨样疼痛", "心口疼，冒冷汗，想吐",
        "突然嘴歪了，说话不清楚", "我妈一侧手脚没力，口齿不清", "老人突然口角歪斜", "呼吸困难，嘴唇发紫",
        "孩子喘不上气了", "刚才晕倒了", "我老公昏过去了叫不醒", "吐血了", "咳血好几次", "拉黑便两天了",
        "突然剧烈头痛，从来没有这么疼过", "发烧而且脖子硬", "高烧40度还出疹子", "孩子抽搐了", "宝宝惊厥了",
        "吃了海鲜后喉咙肿，呼吸困难", "舌头肿了说不出话", "宝宝出生20天，发烧38度", "两个月大的婴儿发热",
        "怀孕8周，阴道出血", "我怀孕了，肚子剧烈疼痛", "我不想活了", "最近总想自杀", "出了车祸，流了很多血",
        "从高处坠落", "爷爷发烧，说胡话，意识模糊",
        "I have chest pain and I'm sweating", "crushing chest pain and short of breath", "my face is drooping and my speech is slurred",
        "I can't breathe", "my father passed out", "I am vomiting blood", "black tarry stool since yesterday",
        "sudden worst headache of my life", "fever and a stiff neck", "my son is having a seizure", "my throat is swelling after a bee sting",
        "my 6 weeks old baby has a fever", "I'm 10 weeks pregnant and bleeding", "I want to kill myself", "I was hit by a car and bleeding heavily",
        "grandma has a fever and is confused",
        // Phrasings the old lexicon missed (issue 15): composed from a body part and what it does.
        "我妈说话突然含糊不清,右边胳膊抬不起来了,嘴也歪了", "心口疼,疼到左边胳膊和下巴,出了一身汗", "刚才吐了好多血,现在头晕眼花",
        "怀孕七个月,突然下面出了很多血,肚子很疼", "大便是黑色的像柏油一样,已经两天了,心慌", "孩子喝了一口洗衣液", "开水烫到了孩子的胸口，起了一大片泡",
        "my husband's words came out jumbled all of a sudden",
        // A disease of long standing is still there: the red flags read it.
        "糖尿病十几年了，今天突然糊涂了",
        // Composed from parts (issue 15, fifth batch): a gush of fluid down below, a neck that will not move after a fall,
        // blue lips even when "a bit".
        "怀孕三十六周，下面突然流了很多水", "摔了一跤以后脖子动不了", "老人喘得厉害，嘴唇有点发紫", "my grandson fell off a wall and can't move his neck",
        // Seventh batch: bleeding with faintness, a nosebleed that will not stop, heavy bleeding after birth, severe chest
        // tightness, severe pain after a fall, a worst headache however it is worded.
        "流了好多血，头晕眼花", "my nosebleed won't stop", "生完孩子一个星期，下面出血特别多", "胸闷得厉害",
        "老人摔了一跤，髋部疼得厉害", "头像被锤子砸了一下", "从梯子上掉下来，胳膊变形了",
        // Ninth batch: a blood sugar given as a number, a noise breathing in, a sudden headache with a stiff neck.
        "我爸血糖测出来三十多，一直想睡", "孩子咳嗽像狗叫，吸气的时候有声音", "突然头疼，脖子也僵了",
        // Eleventh batch: chest pain that needed angina medicine, a bulging fontanelle, metal in the eye.
        "胸口疼，含了硝酸甘油", "宝宝的囟门鼓起来了", "眼睛被铁屑崩到了，看不清",
        // Fourteenth batch (English): heavy bleeding however said, confusion with shivering, a sudden severe headache.
        "there is a lot of blood", "my mum is confused and shivering", "a sudden severe headache", "her throat is closing up",
        // Seventeenth to twenty-second batches (2026-12-04): general mechanisms, not one sentence each.
        "my baby has stopped moving", "I took 30 paracetamol tablets", "右手也没劲了，嘴也歪了", "我爸胸口痛了二十分钟了，他有冠心病",
        "宝宝一个半月，体温三十八度二", "my grandma cant lift her left arm and her mouth is crooked", "好几天没放屁了，一直吐，肚子胀",
        // Chest pain felt elsewhere, and heavy bleeding said in a finding's own words (batch rf-dev24).
        "crushing pressure in her upper back and jaw, she's grey and clammy", "下巴压着疼，一身冷汗",
        "gave birth last week and now I'm soaking a pad every hour", "she fell off a ladder, hit her head, and has thrown up since",
        // Batch rf-dev35: a curtain across the vision (retinal detachment), a bottle of tablets swallowed, appendicitis
        // said without 右下腹 with peritonism.
        "左眼前面像拉了一道帘子，越来越大", "there's a dark curtain coming across my right eye", "he swallowed all of his sleeping tablets",
        "右下边肚子疼，碰都不能碰",
        // Batch rf-dev36: anything swallowed, a floppy baby with a weak cry, words that will not come.
        "孩子把一颗小磁铁吞下去了", "宝宝两个月，软塌塌的，也不怎么哭", "my dad suddenly can't find his words and his left hand won't grip",
        // Batch rf-dev37: new confusion in an older person, a part cut off, a jaundiced newborn who sleeps on, a painful
        // testicle with vomiting, lockjaw after a wound.
        "奶奶八十岁了，今天说胡话，认不出家里人", "剁排骨把手指头剁掉了一截", "宝宝出生一周，脸很黄，一直睡",
        "his testicle hurts after a kick and he threw up", "I stepped on a nail last week and now my jaw is stiff",
        // Batch rf-dev38: blood welling out, a pulsing lump with belly pain, a blow to the belly getting worse, a handful of pills.
        "手被玻璃划了，血往外冒", "肚子疼，肚子里一跳一跳的", "肚子撞在桌角上，现在肚子越来越疼，脸发白", "he swallowed a handful of sleeping pills",
        // Batch rf-dev42: pain said "特别疼" is still pain; a head injury that seemed nothing then, vomiting now; the back with
        // the bottom gone numb or the bladder lost (cauda equina).
        "怀孕七个月，头特别疼，眼睛看不清东西", "昨天磕到头，当时没事，后来吐了两次", "腰疼了好几天，现在下身没知觉",
        "my back aches and I've lost control of my bladder",
    ]

    static let benign: [String] = [
        "没有胸痛，只是有点咳嗽", "否认胸痛、气短", "不发烧，就是嗓子疼", "孩子没有抽搐，只是有点流鼻涕", "没有吐血，胃有点胀",
        "头有点疼，不是突然的", "最近有点失眠", "咳嗽三天了，没有发烧", "拉肚子一天", "膝盖疼了一个月", "牙疼", "眼睛有点干",
        "皮肤起了些湿疹", "月经不规律", "想做个体检", "血压有点高，想开点药", "血糖偏高", "经常打喷嚏流鼻涕", "腰疼好几天了",
        "胃口不好，有点恶心", "晚上睡不着", "最近压力大，心情不好", "孩子有点咳嗽，精神很好", "脚崴了一下，有点肿",
        "我没有晕倒，就是有点头晕", "大便正常，没有黑便", "喉咙有点痛，能正常呼吸",
        "no chest pain, just a cough", "denies shortness of breath", "I have a mild headache", "runny nose for two days",
        "my knee hurts when I run", "I have a toothache", "itchy rash on my arm", "I feel a bit tired", "no fever, sore throat",
        "my back hurts", "I didn't faint, just felt dizzy", "I have heartburn after meals", "I can't sleep well",
        "no blood in stool, just constipation",
        "怀孕的时候查出血糖高", "体检查出血压高", "眼睛流了好多水，有点痒", "落枕了，脖子动不了", "睡不着，吃了安眠药也不管用", "心里憋得慌，老想哭", "血糖七点多，想调一下药", "脖子前面鼓起来一块，心慌手抖",
        "my eyes have been leaking water all day", "关节疼了好几年，手指都变形了",
        "my periods are heavy, soaking a pad every two hours", "my upper back aches after gardening",
        // Batch rf-dev35: bright red blood when passing a stool is the back passage (piles), stomach acid is not a burn.
        "解大便的时候滴鲜血，肛门有点疼", "I keep tasting acid at the back of my throat after dinner",
        "I had a seizure as a teenager but nothing since", "我牙龈肿了，嘴张不开", "老人记性差了好几年，想查查是不是老年痴呆",
        "磕到头了，当时没事，现在也不吐不晕", "腰疼连着屁股和腿麻，弯腰更厉害", "孩子三岁，白天玩的时候尿裤子了",
    ]

    static func triage(_ text: String) -> TriageResult? {
        var facts = Facts()
        facts.merge(BuiltInUnderstanding().understand(text, today: .monday).facts, text: text)
        return Triage.assess(facts, departments: DemoDepartments.bySpecialty)
    }

    @Test(arguments: emergencies)
    func emergencyIsCaught(text: String) {
        #expect(Self.triage(text)?.level == .emergency, "\(text)")
    }

    @Test(arguments: benign)
    func benignIsNoAlarm(text: String) {
        #expect(Self.triage(text)?.level != .emergency, "\(text)")
    }

    @Test func theSetsAreLargeEnough() {
        #expect(Self.emergencies.count >= 40)
        #expect(Self.benign.count >= 40)
    }
}
