/// A tool measured by `aigq bench orchestrator`.
public enum OrchestratorTool: String, CaseIterable, Sendable, Comparable {
    case aigq
    case make
    case makeR = "make -r"
    case snakemake
    case dvc

    /// The peers (everything but ours).
    public static let peers: [OrchestratorTool] = [.make, .makeR, .snakemake, .dvc]

    /// The name used on the command line (`--tools`) and for its folder.
    public var slug: String { self == .makeR ? "make-r" : rawValue }

    /// The tool with this `--tools` name.
    public init?(slug: String) {
        guard let tool = Self.allCases.first(where: { $0.slug == slug || $0.rawValue == slug }) else { return nil }
        self = tool
    }

    /// How the tool is held to the job count (printed with the table).
    func jobControl(_ jobs: Int) -> String {
        switch self {
        case .aigq: "aigq run --jobs \(jobs)"
        case .make: "make -j\(jobs)"
        case .makeR: "make -r -j\(jobs)"
        case .snakemake: "snakemake --cores \(jobs)"
        case .dvc: "dvc repro (always one stage at a time)"
        }
    }

    public static func < (a: OrchestratorTool, b: OrchestratorTool) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
