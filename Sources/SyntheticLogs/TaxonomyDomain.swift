/// One top-level domain of the hand-written shopping taxonomy: its mid-level groups with their leaf
/// product types (English and Chinese), its brands and modifiers, and how it leans with the profile.
struct TaxonomyDomain: Sendable {
    /// A mid-level group and its leaf product types.
    struct Group: Sendable {
        /// The group's name ("Camping").
        let name: String
        /// The leaf product types: English words and a Chinese name.
        let leaves: [(english: String, chinese: String)]
    }

    /// The domain's name ("Outdoor").
    let name: String
    /// Gender lean of interest in the domain: −1 women … +1 men.
    let genderLean: Double
    /// The age around which interest in the domain peaks.
    let ageCenter: Double
    /// A typical item price in the domain.
    let priceScale: Double
    /// Brand names (lower case), used in queries and titles.
    let brands: [String]
    /// Modifiers that fit the domain's products ("waterproof", "2 person").
    let modifiers: [String]
    /// Words that appear only in item titles (sizes, colours, pack counts).
    let titleExtras: [String]
    /// The mid-level groups.
    let groups: [Group]

    /// A domain from compact literals: each group as `"Name: english 中文, english words 中文"`.
    init(
        _ name: String, lean: Double, age: Double, price: Double, brands: String, modifiers: String,
        extras: String, groups: [String]
    ) {
        self.name = name
        genderLean = lean
        ageCenter = age
        priceScale = price
        self.brands = Self.list(brands)
        self.modifiers = Self.list(modifiers)
        titleExtras = Self.list(extras)
        self.groups = groups.map { line in
            let colon = line.firstIndex(of: ":")!
            let leaves = Self.list(String(line[line.index(after: colon)...])).map { entry in
                let words = entry.split(separator: " ")
                return (words.dropLast().joined(separator: " "), String(words.last!))
            }
            return Group(name: String(line[..<colon]), leaves: leaves)
        }
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: " ") }
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
