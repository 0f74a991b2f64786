public import PipelineCore

/// Every stage kind this package implements: its declarative face (``StageKindInfo``, for parsing
/// and fingerprints) and its implementation (``Stage``, for the runner). The CLI hands both to the
/// pipeline parser and the runner.
public enum StageRegistry {
    /// One registered kind.
    public struct Entry: Sendable {
        /// Name, code version, params.
        public var info: StageKindInfo
        /// The implementation.
        public var stage: any Stage
    }

    /// The standard kinds, in pipeline order.
    public static let standard: [Entry] = [
        Entry(info: IngestStage.kind, stage: IngestStage()),
        Entry(info: SessionsStage.kind, stage: SessionsStage()),
        Entry(info: BaselinesStage.kind, stage: BaselinesStage()),
        Entry(info: RerankStage.kind, stage: RerankStage()),
        Entry(info: CTRStage.kind, stage: CTRStage()),
        Entry(info: SFTStage.kind, stage: SFTStage()),
        Entry(info: DirectStage.kind, stage: DirectStage()),
        Entry(info: EvaluateStage.kind, stage: EvaluateStage()),
        Entry(info: ExportStage.kind, stage: ExportStage()),
    ]

    /// The kinds, for ``PipelineFileParser``.
    public static var kinds: StageKindRegistry { StageKindRegistry(standard.map(\.info)) }

    /// The implementations by kind name, for the runner.
    public static var stages: [String: any Stage] {
        Dictionary(standard.map { ($0.info.name, $0.stage) }, uniquingKeysWith: { first, _ in first })
    }
}
