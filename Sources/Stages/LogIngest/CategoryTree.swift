/// The category tree of `categories.jsonl`: which categories are leaves (no category names them as
/// parent) and each one's depth (0 for a root; a parent missing from the file counts as a root
/// above it). A parent chain that loops is refused.
struct CategoryTree {
    private var parentOf: [Int64: Int64] = [:]
    private var parents: Set<Int64> = []
    private var depths: [Int64: Int32] = [:]
    /// Categories whose parent is not in the tree.
    private(set) var orphans = 0

    /// The tree of `(id, parent)` pairs (ids unique).
    init(_ categories: [(id: Int64, parent: Int64?)]) throws {
        for c in categories {
            if let p = c.parent {
                parentOf[c.id] = p
                parents.insert(p)
            }
        }
        let ids = Set(categories.map(\.id))
        for c in categories {
            if let p = c.parent, !ids.contains(p) { orphans += 1 }
            var chain: [Int64] = []
            var seen: Set<Int64> = []
            var current = c.id
            var depth: Int32 = 0
            while true {
                if let known = depths[current] {
                    depth = known
                    break
                }
                guard seen.insert(current).inserted else {
                    let loop = (chain + [current]).map(String.init).joined(separator: " → ")
                    throw StageError(.badInput, "dims/categories.jsonl: the parent chain of category \(c.id) loops (\(loop)); fix the tree")
                }
                chain.append(current)
                guard let p = parentOf[current] else {
                    depth = 0
                    chain.removeLast()
                    depths[current] = depth
                    break
                }
                current = p
            }
            for id in chain.reversed() {
                depth += 1
                depths[id] = depth
            }
        }
    }

    /// Whether no category names `id` as parent.
    func isLeaf(_ id: Int64) -> Bool { !parents.contains(id) }

    /// The depth of `id` (0 for a root).
    func depth(_ id: Int64) -> Int32 { max(depths[id] ?? 0, 0) }
}
