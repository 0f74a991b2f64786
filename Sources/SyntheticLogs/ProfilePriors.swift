import Foundation

/// How profile shapes interest: for each (gender, age band, city tier) a distribution over leaves,
/// `popularity(leaf) × exp(1.1·lean·g) × exp(−½((age − centre)/12)²) × exp(0.15·(3 − tier)·log(price/typical))`,
/// where g is −1 for women and +1 for men. Users draw their long-term and new interests from the
/// table of their true profile, so gender, age and tier are informative (and users whose logged
/// profile is missing still behave like their true one).
struct ProfilePriors: Sendable {
    /// Age bands and their representative ages.
    static let bandAges: [Double] = [21, 30, 42, 57, 70]

    private let tables: [WeightedTable]

    /// Precomputes the 2 × 5 × 5 tables for `tree`.
    init(tree: CategoryTree) {
        var tables: [WeightedTable] = []
        for gender in 0..<2 {
            let g = gender == 0 ? -1.0 : 1.0
            for age in Self.bandAges {
                for tier in 1...5 {
                    let weights = tree.leaves.map { leaf -> Double in
                        let typical = Taxonomy.domains[leaf.domain].priceScale * 100
                        let z = (age - leaf.ageCenter) / 12
                        return leaf.popularity * exp(1.1 * leaf.genderLean * g) * exp(-0.5 * z * z)
                            * exp(0.15 * Double(3 - tier) * log(Double(leaf.priceCents) / typical))
                    }
                    tables.append(WeightedTable(weights))
                }
            }
        }
        self.tables = tables
    }

    /// The age band (0…4) of an age in years.
    static func band(ofAge age: Int) -> Int {
        switch age {
        case ..<25: return 0
        case ..<35: return 1
        case ..<50: return 2
        case ..<65: return 3
        default: return 4
        }
    }

    /// The leaf distribution of a true profile (`female`, age in years, tier 1…5).
    func table(female: Bool, age: Int, tier: Int) -> WeightedTable {
        tables[((female ? 0 : 1) * 5 + Self.band(ofAge: age)) * 5 + (tier - 1)]
    }
}
