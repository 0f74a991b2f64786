/// The hand-written shopping taxonomy behind the synthetic world: 20 domains × 5 groups × 4 leaf
/// product types (400 leaves), each leaf with an English and a Chinese name, plus the brands and
/// modifiers that queries and item titles are composed from. Smaller worlds use a prefix of it.
///
/// Brand names are invented. Chinese names are unique across leaves, so a Chinese query names one leaf.
enum Taxonomy {
    /// Modifiers usable with any product ("cheap tent").
    static let commonModifiers = ["cheap", "best", "new", "premium", "mini", "sale"]
    /// Suffixes of queries ("tent set").
    static let suffixes = ["set", "2 pack", "gift", "for kids", "for women", "for men", "replacement", "bundle"]
    /// Chinese modifiers placed before the product ("防水帐篷").
    static let chinesePrefixes = ["新款", "便宜", "大号", "小号", "儿童", "男士", "女士", "防水", "黑色", "白色", "轻便", "正品", "加厚", "高端", "可爱"]
    /// Chinese modifiers placed after the product ("帐篷 套装").
    static let chineseSuffixes = ["套装", "推荐", "包邮", "夏季", "冬季", "礼盒"]

    /// The 20 domains, in the order smaller worlds take them.
    static let domains: [TaxonomyDomain] = [
        TaxonomyDomain(
            "Outdoor", lean: 0.4, age: 35, price: 60,
            brands: "northpeak, trailcraft, summitline, bearpaw, alpenglo, ridgeway, campfox, wildroot",
            modifiers: "waterproof, lightweight, ultralight, 2 person, 4 person, insulated, windproof, portable, compact, heavy duty",
            extras: "green, orange, olive, 2 pack, xl, with bag",
            groups: [
                "Camping: tent 帐篷, sleeping bag 睡袋, camping stove 露营炉, camping lantern 营地灯",
                "Hiking: hiking boots 登山靴, trekking poles 登山杖, hiking backpack 登山包, hydration bladder 水袋",
                "Climbing: climbing rope 攀岩绳, climbing harness 攀岩安全带, carabiner 登山扣, chalk bag 镁粉袋",
                "Fishing: fishing rod 鱼竿, fishing reel 渔轮, fishing line 鱼线, tackle box 钓具箱",
                "Cycling: road bike 公路车, bike helmet 骑行头盔, bike light 自行车灯, cycling gloves 骑行手套",
            ]),
        TaxonomyDomain(
            "Electronics", lean: 0.5, age: 30, price: 120,
            brands: "voltix, nexora, lumina, kairo, zentek, orbitron, pixelon, sonique",
            modifiers: "wireless, bluetooth, fast charging, 4k, portable, smart, usb c, noise cancelling, mini, pro",
            extras: "black, white, 128gb, 256gb, 27\", 15.6\", 2026 model",
            groups: [
                "Audio: headphones 头戴耳机, earbuds 蓝牙耳机, bluetooth speaker 蓝牙音箱, soundbar 回音壁",
                "Phones: smartphone 智能手机, phone case 手机壳, screen protector 钢化膜, phone charger 手机充电器",
                "Computers: laptop 笔记本电脑, mechanical keyboard 机械键盘, gaming mouse 游戏鼠标, monitor 显示器",
                "Cameras: mirrorless camera 微单相机, camera lens 相机镜头, tripod 三脚架, action camera 运动相机",
                "Smart home: smart plug 智能插座, robot vacuum 扫地机器人, security camera 监控摄像头, smart bulb 智能灯泡",
            ]),
        TaxonomyDomain(
            "Beauty", lean: -1.0, age: 30, price: 25,
            brands: "lumiere, velvetine, aurelle, rosebay, purelle, glowra, maison bleu, sakura lab",
            modifiers: "hydrating, matte, long lasting, sensitive skin, organic, spf 50, travel size, vegan, waterproof, moisturizing",
            extras: "30ml, 50ml, 100ml, rose, nude, gift set",
            groups: [
                "Skincare: face serum 精华液, moisturizer 面霜, sunscreen 防晒霜, facial cleanser 洗面奶",
                "Makeup: lipstick 口红, foundation 粉底液, mascara 睫毛膏, eyeshadow palette 眼影盘",
                "Hair care: shampoo 洗发水, hair conditioner 护发素, hair dryer 吹风机, hair straightener 直发器",
                "Fragrance: perfume 香水, body mist 身体喷雾, cologne 古龙水, scented candle 香薰蜡烛",
                "Nail care: nail polish 指甲油, nail lamp 美甲灯, nail clipper 指甲刀, press on nails 穿戴甲",
            ]),
        TaxonomyDomain(
            "Kitchen", lean: -0.3, age: 40, price: 40,
            brands: "chefmate, ironleaf, copperline, kitchenaura, bakewell, steamly, oakhearth, fresco",
            modifiers: "nonstick, stainless steel, cast iron, large, 12 inch, dishwasher safe, electric, glass, ceramic, set",
            extras: "red, black, 5 piece, 2l, 5l, with lid",
            groups: [
                "Cookware: frying pan 煎锅, stock pot 汤锅, wok 炒锅, dutch oven 铸铁锅",
                "Appliances: air fryer 空气炸锅, rice cooker 电饭煲, blender 破壁机, coffee maker 咖啡机",
                "Bakeware: baking sheet 烤盘, cake mold 蛋糕模具, mixing bowl 搅拌碗, rolling pin 擀面杖",
                "Knives: chef knife 厨师刀, knife set 刀具套装, cutting board 砧板, knife sharpener 磨刀器",
                "Tableware: dinner plates 餐盘, coffee mug 马克杯, wine glasses 红酒杯, chopsticks 筷子",
            ]),
        TaxonomyDomain(
            "Home", lean: -0.3, age: 38, price: 50,
            brands: "nestwell, casaluna, linden, softnook, homely, driftwood, moonrise, haven",
            modifiers: "queen size, king size, cotton, linen, memory foam, blackout, washable, soft, grey, modern",
            extras: "beige, grey, white, 2 pack, 180x200",
            groups: [
                "Bedding: duvet cover 被套, pillow 枕头, mattress topper 床垫, weighted blanket 重力毯",
                "Furniture: sofa 沙发, bookshelf 书架, coffee table 茶几, office chair 办公椅",
                "Decor: wall art 挂画, table lamp 台灯, area rug 地毯, blackout curtains 遮光窗帘",
                "Storage: storage box 收纳箱, shoe rack 鞋架, closet organizer 衣柜收纳, vacuum bags 真空压缩袋",
                "Cleaning: mop 拖把, laundry detergent 洗衣液, trash can 垃圾桶, cleaning cloth 抹布",
            ]),
        TaxonomyDomain(
            "Women's fashion", lean: -1.3, age: 30, price: 35,
            brands: "elara, maison vie, ivyrose, cora, silkroad, petalwear, noor, amelie",
            modifiers: "summer, winter, plus size, floral, black, oversized, high waist, casual, elegant, cotton",
            extras: "s, m, l, xl, red, beige, navy",
            groups: [
                "Dresses: maxi dress 长裙, midi dress 连衣裙, party dress 礼服裙, shirt dress 衬衫裙",
                "Tops: blouse 女士衬衫, knit sweater 针织衫, crop top 短上衣, cardigan 开衫",
                "Bottoms: jeans 牛仔裤, wide leg pants 阔腿裤, pleated skirt 百褶裙, leggings 打底裤",
                "Outerwear: trench coat 风衣, puffer jacket 羽绒服, wool coat 羊毛大衣, denim jacket 牛仔外套",
                "Bags: tote bag 托特包, crossbody bag 斜挎包, clutch 手拿包, wallet 钱包",
            ]),
        TaxonomyDomain(
            "Men's fashion", lean: 1.3, age: 32, price: 35,
            brands: "stonegate, hartwell, baxter, ironclad, rowan, fieldcrest, navigator, kingsley",
            modifiers: "slim fit, regular fit, cotton, black, navy, casual, formal, winter, breathable, stretch",
            extras: "m, l, xl, xxl, grey, khaki",
            groups: [
                "Shirts: dress shirt 商务衬衫, polo shirt polo衫, t shirt t恤, flannel shirt 法兰绒衬衫",
                "Trousers: chinos 休闲裤, cargo pants 工装裤, suit trousers 西裤, sweatpants 卫裤",
                "Jackets: bomber jacket 飞行员夹克, leather jacket 皮夹克, rain jacket 冲锋衣, blazer 西装外套",
                "Accessories: leather belt 皮带, tie 领带, baseball cap 棒球帽, sunglasses 太阳镜",
                "Underwear: boxer briefs 平角内裤, socks 袜子, undershirt 背心, pajamas 睡衣",
            ]),
        TaxonomyDomain(
            "Shoes", lean: 0.0, age: 30, price: 55,
            brands: "strider, cloudstep, runlab, pacer, solemate, kickwell, urbanfoot, gripx",
            modifiers: "running, lightweight, leather, waterproof, wide, slip on, non slip, breathable, white, black",
            extras: "size 38, size 40, size 42, size 44, grey",
            groups: [
                "Sneakers: running shoes 跑步鞋, basketball shoes 篮球鞋, canvas sneakers 帆布鞋, walking shoes 健步鞋",
                "Boots: ankle boots 短靴, snow boots 雪地靴, work boots 工装靴, chelsea boots 切尔西靴",
                "Sandals: slides 拖鞋, flip flops 人字拖, sport sandals 运动凉鞋, platform sandals 厚底凉鞋",
                "Formal shoes: oxford shoes 牛津鞋, loafers 乐福鞋, high heels 高跟鞋, ballet flats 芭蕾平底鞋",
                "Shoe care: shoe insoles 鞋垫, shoe polish 鞋油, shoe horn 鞋拔, shoe cleaner 洗鞋剂",
            ]),
        TaxonomyDomain(
            "Baby", lean: -0.5, age: 32, price: 30,
            brands: "littlebud, cuddlo, tinysteps, babynest, sprout, lullaby, peekaboo, momo",
            modifiers: "newborn, organic, soft, bpa free, 0-6 months, portable, gentle, hypoallergenic, large, set",
            extras: "pink, blue, 3 pack, size 2, size 4",
            groups: [
                "Diapering: diapers 纸尿裤, baby wipes 婴儿湿巾, diaper bag 妈咪包, changing pad 隔尿垫",
                "Feeding: baby bottle 奶瓶, breast pump 吸奶器, high chair 宝宝餐椅, bottle warmer 暖奶器",
                "Gear: stroller 婴儿车, car seat 安全座椅, baby carrier 婴儿背带, playpen 游戏围栏",
                "Nursery: crib 婴儿床, baby monitor 婴儿监视器, night light 小夜灯, swaddle 襁褓",
                "Baby clothing: onesie 连体衣, baby socks 宝宝袜, sleep sack 婴儿睡袋, baby hat 婴儿帽",
            ]),
        TaxonomyDomain(
            "Pets", lean: -0.1, age: 35, price: 25,
            brands: "pawsome, furbo, happytail, woofpack, catnip co, barkley, petpal, whisker",
            modifiers: "small dog, large dog, indoor cat, grain free, chew proof, washable, automatic, puppy, senior, natural",
            extras: "2kg, 5kg, 10kg, blue, xl",
            groups: [
                "Dog food: dry dog food 狗粮, dog treats 狗零食, wet dog food 狗罐头, puppy food 幼犬粮",
                "Cat supplies: cat litter 猫砂, cat tree 猫爬架, cat food 猫粮, litter box 猫砂盆",
                "Pet toys: chew toy 磨牙玩具, cat wand 逗猫棒, ball launcher 自动发球机, squeaky toy 发声玩具",
                "Pet gear: dog leash 狗绳, dog harness 胸背带, pet carrier 宠物包, dog bed 狗窝",
                "Pet health: flea treatment 驱虫药, pet shampoo 宠物沐浴露, pet vitamins 宠物维生素, dental chews 洁齿骨",
            ]),
        TaxonomyDomain(
            "Sports", lean: 0.4, age: 28, price: 35,
            brands: "apexfit, corezone, pulsar, strideon, flexpro, ironworks, velocity, kinetic",
            modifiers: "adjustable, non slip, professional, beginner, foldable, heavy, lightweight, 10kg, resistance, training",
            extras: "black, blue, pair, size 5, size 7",
            groups: [
                "Fitness: dumbbells 哑铃, yoga mat 瑜伽垫, resistance bands 弹力带, kettlebell 壶铃",
                "Ball sports: basketball 篮球, soccer ball 足球, volleyball 排球, american football 橄榄球",
                "Racket sports: tennis racket 网球拍, badminton racket 羽毛球拍, table tennis paddle 乒乓球拍, shuttlecocks 羽毛球",
                "Swimming: swim goggles 泳镜, swimsuit 泳衣, swim cap 泳帽, kickboard 浮板",
                "Running gear: running belt 跑步腰包, sports watch 运动手表, compression socks 压缩袜, phone armband 运动臂包",
            ]),
        TaxonomyDomain(
            "Toys", lean: -0.1, age: 36, price: 25,
            brands: "brickworks, playfun, wonderkid, toyland, funbox, dreamcraft, bluebird, jumpy",
            modifiers: "educational, kids, 3 years, wooden, remote control, stem, colorful, large, mini, magnetic",
            extras: "100 pieces, 500 pieces, red, rainbow, gift box",
            groups: [
                "Building toys: building blocks 积木, magnetic tiles 磁力片, marble run 弹珠轨道, construction set 拼装玩具",
                "Dolls: fashion doll 时尚娃娃, dollhouse 娃娃屋, plush bear 毛绒熊, baby doll 仿真娃娃",
                "Vehicles: rc car 遥控车, toy train 玩具火车, drone 无人机, die cast car 合金车",
                "Puzzles and games: jigsaw puzzle 拼图, board game 桌游, card game 卡牌游戏, rubiks cube 魔方",
                "Outdoor toys: water gun 水枪, kids scooter 儿童滑板车, trampoline 蹦床, sandbox toys 沙滩玩具",
            ]),
        TaxonomyDomain(
            "Books", lean: -0.1, age: 40, price: 15,
            brands: "penbrook, inkwell, folio, storyline, bookhaven, quill, papertrail, readwell",
            modifiers: "paperback, hardcover, illustrated, bestseller, kids, english, classic, new edition, boxed set, signed",
            extras: "volume 1, volume 2, 2nd edition, large print",
            groups: [
                "Fiction: mystery novel 悬疑小说, fantasy novel 奇幻小说, romance novel 言情小说, science fiction 科幻小说",
                "Nonfiction: biography 人物传记, history book 历史书, self help book 励志书, cookbook 菜谱",
                "Kids books: picture book 绘本, coloring book 涂色书, bedtime stories 睡前故事, comic book 漫画书",
                "Education: textbook 教材, workbook 练习册, dictionary 词典, exam prep 考试辅导",
                "Reading: e reader 电子书阅读器, audiobook 有声书, book light 阅读灯, vinyl record 黑胶唱片",
            ]),
        TaxonomyDomain(
            "Grocery", lean: 0.0, age: 40, price: 8,
            brands: "harvest, goldenfield, farmfresh, oceanic, nutty, spicebox, teahouse, morningdew",
            modifiers: "organic, sugar free, gluten free, bulk, spicy, family pack, low fat, imported, premium, 500g",
            extras: "250g, 1kg, 6 pack, 12 pack, box",
            groups: [
                "Snacks: potato chips 薯片, mixed nuts 每日坚果, beef jerky 牛肉干, chocolate bar 巧克力",
                "Beverages: green tea 绿茶, coffee beans 咖啡豆, sparkling water 气泡水, oat milk 燕麦奶",
                "Pantry: olive oil 橄榄油, rice 大米, pasta 意面, soy sauce 酱油",
                "Fresh: fresh fruit 新鲜水果, frozen dumplings 速冻饺子, eggs 鸡蛋, salmon fillet 三文鱼",
                "Breakfast: cereal 麦片, honey 蜂蜜, peanut butter 花生酱, instant noodles 方便面",
            ]),
        TaxonomyDomain(
            "Health", lean: -0.1, age: 52, price: 20,
            brands: "vitalis, purelife, medicore, wellspring, greenleaf, nutrimax, calma, restwell",
            modifiers: "daily, extra strength, 120 capsules, natural, for adults, chewable, sugar free, vegan, high dose, travel",
            extras: "60 count, 90 count, 180 count, 2 bottles",
            groups: [
                "Vitamins: multivitamin 复合维生素, vitamin c 维生素c, vitamin d 维生素d, fish oil 鱼油",
                "Personal care: electric toothbrush 电动牙刷, dental floss 牙线, razor 剃须刀, body lotion 身体乳",
                "Medical supplies: thermometer 体温计, blood pressure monitor 血压计, first aid kit 急救包, face masks 口罩",
                "Sleep: sleep mask 眼罩, ear plugs 耳塞, melatonin 褪黑素, neck pillow 颈枕",
                "Massage: massage gun 筋膜枪, foot massager 足部按摩器, heating pad 热敷垫, massage chair 按摩椅",
            ]),
        TaxonomyDomain(
            "Automotive", lean: 0.9, age: 40, price: 30,
            brands: "roadmax, motorix, drivepro, autoglow, turbonix, gearhead, highwayline, carlux",
            modifiers: "universal, waterproof, heavy duty, 12v, led, all weather, for suv, portable, magnetic, quick dry",
            extras: "black, 2 pack, front and rear, 1080p",
            groups: [
                "Car electronics: dash cam 行车记录仪, car charger 车载充电器, phone mount 车载手机支架, car vacuum 车载吸尘器",
                "Car care: car wash soap 洗车液, car wax 车蜡, microfiber towel 超细纤维毛巾, tire inflator 车载打气泵",
                "Interior: seat covers 座套, floor mats 汽车脚垫, steering wheel cover 方向盘套, car air freshener 车载香薰",
                "Exterior: car cover 车衣, roof rack 车顶架, wiper blades 雨刮器, mud flaps 挡泥板",
                "Car tools: jump starter 应急启动电源, tire gauge 胎压计, tow strap 拖车绳, socket set 套筒扳手",
            ]),
        TaxonomyDomain(
            "Office", lean: 0.0, age: 30, price: 15,
            brands: "paperline, deskpro, inkjoy, scribe, clipworks, officeway, notable, graphix",
            modifiers: "a4, a5, refillable, black, colorful, ergonomic, bulk, 0.5mm, wireless, student",
            extras: "12 pack, 24 pack, blue, 500 sheets",
            groups: [
                "Writing: gel pens 中性笔, fountain pen 钢笔, highlighters 荧光笔, mechanical pencil 自动铅笔",
                "Paper: notebook 笔记本, sticky notes 便利贴, printer paper 打印纸, planner 日程本",
                "Desk: desk organizer 桌面收纳, desk lamp 护眼台灯, standing desk 升降桌, monitor stand 显示器支架",
                "Printing: printer 打印机, ink cartridge 墨盒, label maker 标签机, laminator 塑封机",
                "Filing: file folders 文件夹, binder 活页夹, stapler 订书机, paper shredder 碎纸机",
            ]),
        TaxonomyDomain(
            "Garden", lean: -0.1, age: 50, price: 30,
            brands: "greenthumb, bloomly, rootwise, terrana, hedgerow, sunpatch, dewdrop, fernhill",
            modifiers: "outdoor, solar, heavy duty, organic, 50 ft, expandable, rust proof, raised, automatic, large",
            extras: "green, terracotta, 3 pack, 10 pack",
            groups: [
                "Plants: seeds 种子, potted plant 盆栽, succulent 多肉植物, flower bulbs 种球",
                "Garden tools: pruning shears 修枝剪, garden hose 浇花水管, shovel 铁锹, lawn mower 割草机",
                "Planters: plant pot 花盆, raised garden bed 种植箱, hanging planter 吊篮花盆, plant stand 花架",
                "Outdoor living: patio furniture 庭院家具, hammock 吊床, bbq grill 烧烤炉, fire pit 火盆",
                "Garden lighting: solar lights 太阳能灯, string lights 灯串, outdoor lantern 庭院灯, flood light 泛光灯",
            ]),
        TaxonomyDomain(
            "Music", lean: 0.2, age: 25, price: 90,
            brands: "harmonia, stringwell, beatbox, melodia, tonecraft, resonate, keynote, rhythmix",
            modifiers: "beginner, acoustic, electric, professional, kids, portable, 88 key, full size, wooden, with case",
            extras: "natural, black, sunburst, 41 inch",
            groups: [
                "Guitars: acoustic guitar 木吉他, electric guitar 电吉他, ukulele 尤克里里, guitar strings 吉他弦",
                "Keyboards: digital piano 电钢琴, midi keyboard midi键盘, keyboard stand 琴架, sustain pedal 延音踏板",
                "Drums: drum set 架子鼓, cajon 箱鼓, drumsticks 鼓棒, practice pad 哑鼓垫",
                "Audio gear: studio microphone 录音麦克风, audio interface 声卡, studio monitors 监听音箱, mic stand 话筒架",
                "Wind: harmonica 口琴, flute 长笛, saxophone 萨克斯, recorder 竖笛",
            ]),
        TaxonomyDomain(
            "Jewelry", lean: -0.8, age: 33, price: 45,
            brands: "aurora, gemline, luxe, silverleaf, opaline, timecraft, chronos, verra",
            modifiers: "sterling silver, gold plated, minimalist, adjustable, for women, for men, vintage, dainty, waterproof, gift box",
            extras: "18k, 925, rose gold, 45cm",
            groups: [
                "Necklaces: pendant necklace 吊坠项链, chain necklace 锁骨链, pearl necklace 珍珠项链, choker 颈链",
                "Rings: engagement ring 订婚戒指, stacking rings 叠戴戒指, signet ring 印章戒指, wedding band 婚戒",
                "Earrings: stud earrings 耳钉, hoop earrings 耳圈, drop earrings 耳坠, ear cuff 耳夹",
                "Watches: mechanical watch 机械表, quartz watch 石英表, smartwatch 智能手表, watch band 表带",
                "Bracelets: charm bracelet 串珠手链, bangle 手镯, tennis bracelet 钻石手链, anklet 脚链",
            ]),
    ]
}
