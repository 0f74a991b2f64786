/// The lines of `dims/*.jsonl` (raw contract): categories, items, queries and users. Categories, items
/// and queries are written in a shuffled order (the files' order means nothing, and must not leak
/// popularity ranks); users in id order.
enum DimensionLines {
    /// `categories.jsonl`: `{"id":17,"parent":3,"name":"Camping"}`, `parent` null for a domain.
    static func categories(_ world: SyntheticWorld, rng: inout SplitMix64) -> [UInt8] {
        var w = JSONWriter()
        for i in shuffled(world.tree.nodes.count, &rng) {
            let node = world.tree.nodes[i]
            w.open()
            w.key("id")
            w.int(node.id)
            w.key("parent")
            if let parent = node.parent { w.int(parent) } else { w.raw("null") }
            w.key("name")
            w.string(node.name)
            w.close()
            w.bytes.append(0x0A)
        }
        return w.bytes
    }

    /// `items.jsonl`: `{"id":1234567,"category":5012,"title":"…","price":129.99}`.
    static func items(_ world: SyntheticWorld, rng: inout SplitMix64) -> [UInt8] {
        let items = world.items
        var w = JSONWriter(capacity: items.ids.count * 90)
        for i in shuffled(items.ids.count, &rng) {
            w.open()
            w.key("id")
            w.int(items.ids[i])
            w.key("category")
            w.int(world.tree.leaves[Int(items.leaf[i])].id)
            w.key("title")
            w.string(items.titles[i])
            w.key("price")
            w.decimal(units: items.priceCents[i], scale: 2, style: EventRenderer.numberStyle(&rng))
            w.close()
            w.bytes.append(0x0A)
        }
        return w.bytes
    }

    /// `queries.jsonl`: `{"query":"waterproof tent","category":5012}` for the dictionary's queries.
    static func queries(_ world: SyntheticWorld, rng: inout SplitMix64) -> [UInt8] {
        let queries = world.queries
        var w = JSONWriter(capacity: queries.texts.count * 48)
        for q in shuffled(queries.texts.count, &rng) where queries.inDictionary[q] {
            w.open()
            w.key("query")
            w.string(query: q, of: queries)
            w.key("category")
            w.int(world.tree.leaves[Int(queries.leaf[q])].id)
            w.close()
            w.bytes.append(0x0A)
        }
        return w.bytes
    }

    /// Appends `user`'s `users.jsonl` line:
    /// `{"id":7,"gender":"f","age":34,"city_tier":2,"registered":"2024-03-01"}` (age, tier may be null);
    /// `registered[n]` is the day n days before the start.
    static func user(_ user: SyntheticUser, registered: [String], into w: inout JSONWriter) {
        w.open()
        w.key("id")
        w.int(user.id)
        w.key("gender")
        w.string(user.loggedGender)
        w.key("age")
        if user.ageKnown { w.int(Int64(user.age)) } else { w.raw("null") }
        w.key("city_tier")
        if user.tierKnown { w.int(Int64(user.tier)) } else { w.raw("null") }
        w.key("registered")
        w.string(registered[user.registeredDaysBefore])
        w.close()
        w.bytes.append(0x0A)
    }

    private static func shuffled(_ count: Int, _ rng: inout SplitMix64) -> [Int] {
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        return order
    }
}
