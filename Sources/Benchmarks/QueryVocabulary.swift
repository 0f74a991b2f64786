/// The distinct search queries of the benchmark's events table: deterministic multi-word shopping
/// queries (about one in eight in Chinese), each stored as UTF-8 bytes ready to append.
struct QueryVocabulary: Sendable {
    /// The queries in rank order (rank 0 is the most frequent under the Zipf draw).
    let queries: [[UInt8]]

    /// Builds `count` distinct queries from `seed`.
    init(count: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var seen = Set<String>()
        var out: [[UInt8]] = []
        out.reserveCapacity(count)
        while out.count < count {
            let query = rng.below(8) == 0 ? Self.chinese(&rng) : Self.english(&rng)
            if seen.insert(query).inserted { out.append(Array(query.utf8)) }
        }
        queries = out
    }

    private static func english(_ rng: inout SplitMix64) -> String {
        var words: [String] = []
        if rng.below(3) == 0 { words.append(brands[rng.below(brands.count)]) }
        if rng.below(2) == 0 { words.append(adjectives[rng.below(adjectives.count)]) }
        words.append(nouns[rng.below(nouns.count)])
        if rng.below(4) == 0 { words.append(qualifiers[rng.below(qualifiers.count)]) }
        if rng.below(6) == 0 { words.append(String(rng.below(20) * 5 + 10)) }
        return words.joined(separator: " ")
    }

    private static func chinese(_ rng: inout SplitMix64) -> String {
        var words: [String] = []
        if rng.below(2) == 0 { words.append(chineseModifiers[rng.below(chineseModifiers.count)]) }
        words.append(chineseNouns[rng.below(chineseNouns.count)])
        if rng.below(3) == 0 { words.append(chineseModifiers[rng.below(chineseModifiers.count)]) }
        return words.joined(separator: rng.below(2) == 0 ? " " : "")
    }

    private static let brands = [
        "apple", "samsung", "xiaomi", "huawei", "nike", "adidas", "uniqlo", "ikea", "lego", "sony",
        "lenovo", "dyson", "philips", "loreal", "nivea", "puma", "anker", "logitech", "canon", "zara",
        "muji", "casio", "bose", "oppo", "vivo", "asics", "nintendo", "lancome", "haier", "midea",
    ]
    private static let adjectives = [
        "wireless", "cheap", "best", "new", "mini", "portable", "waterproof", "organic", "kids", "mens",
        "womens", "summer", "winter", "leather", "cotton", "gaming", "smart", "electric", "vintage",
        "large", "small", "black", "white", "red", "blue", "pink", "foldable", "stainless", "bamboo", "led",
    ]
    private static let nouns = [
        "phone", "phone case", "earbuds", "headphones", "laptop", "tablet", "charger", "power bank",
        "keyboard", "mouse", "monitor", "camera", "watch", "smartwatch", "speaker", "tv", "router",
        "sneakers", "running shoes", "boots", "sandals", "jacket", "hoodie", "dress", "jeans", "t shirt",
        "backpack", "handbag", "wallet", "sunglasses", "lipstick", "sunscreen", "face mask", "shampoo",
        "perfume", "moisturizer", "coffee", "green tea", "snacks", "chocolate", "rice cooker", "air fryer",
        "blender", "kettle", "vacuum", "fan", "heater", "lamp", "desk", "chair", "sofa", "mattress",
        "pillow", "blanket", "towel", "water bottle", "lunch box", "toys", "puzzle", "board game",
        "yoga mat", "dumbbells", "bicycle", "tent", "umbrella", "notebook", "pen", "printer", "ssd",
        "usb cable", "hdmi cable", "light bulb", "plant pot", "dog food", "cat litter", "diapers",
        "baby bottle", "stroller", "car seat", "phone holder", "dash cam",
    ]
    private static let qualifiers = [
        "sale", "deal", "gift", "for men", "for women", "for kids", "2 pack", "set", "review", "pro",
        "max", "plus", "lite", "refill", "replacement", "original", "official store", "free shipping",
    ]
    private static let chineseNouns = [
        "手机", "手机壳", "耳机", "笔记本电脑", "平板", "充电宝", "数据线", "键盘", "鼠标", "显示器",
        "运动鞋", "连衣裙", "牛仔裤", "羽绒服", "卫衣", "背包", "钱包", "口红", "防晒霜", "面膜",
        "洗发水", "香水", "咖啡", "茶叶", "零食", "电饭煲", "空气炸锅", "吸尘器", "台灯", "床垫",
        "枕头", "毛巾", "保温杯", "玩具", "积木", "瑜伽垫", "自行车", "帐篷", "雨伞", "猫粮",
    ]
    private static let chineseModifiers = [
        "新款", "夏季", "冬季", "男士", "女士", "儿童", "无线", "便携", "防水", "大容量", "官方旗舰店",
        "正品", "特价", "包邮", "小米", "华为", "苹果", "学生", "家用", "迷你",
    ]
}
