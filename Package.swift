// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Compiler settings shared by every Swift target: Swift 6 mode plus the features that make
/// module boundaries visible (`public import` must be written where a dependency leaks into API).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

var targets: [Target] = [
    // C libraries from Debian, wrapped as in GRDB: a modulemap and a shim, no logic.
    .systemLibrary(name: "CZstd", path: "Sources/CZstd", providers: [.apt(["libzstd-dev"])]),
    .systemLibrary(name: "CSnappy", path: "Sources/CSnappy", providers: [.apt(["libsnappy-dev"])]),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
    // One Linux call Swift's Glibc module does not expose (renameat2 RENAME_EXCHANGE); header only.
    .systemLibrary(name: "CLinuxShim", path: "Sources/CLinuxShim"),

    // SHA-256 and friends: content fingerprints shared by storage and (later) the pipeline core.
    .target(name: "Digest", swiftSettings: strictSettings),

    // Parquet reader/writer and sharded datasets. Knows nothing of models or pipelines.
    .target(
        name: "Columnar",
        dependencies: ["CZstd", "CSnappy", "CZlib", "Digest"],
        swiftSettings: strictSettings
    ),

    // Pipeline files, the stage graph, fingerprints and staleness: pure, testable without disk.
    .target(
        name: "PipelineCore",
        dependencies: ["Digest", .product(name: "Yams", package: "Yams")],
        swiftSettings: strictSettings
    ),

    // The run manifest in SQLite (through GRDB): runs, task runs, shards, checksums.
    .target(
        name: "ManifestStore",
        dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
        swiftSettings: strictSettings
    ),

    // Executes pipelines: tasks, staleness, the worker pool, atomic outputs, the manifest.
    .target(
        name: "Runner",
        dependencies: ["PipelineCore", "ManifestStore", "Digest", "CLinuxShim"],
        swiftSettings: strictSettings
    ),

    // simdjson (Debian's libsimdjson) behind a few extern "C" functions: the JSON Lines parser of ingest.
    .target(
        name: "CSimdJSON",
        path: "Sources/CSimdJSON",
        cxxSettings: [.unsafeFlags(["-O3"])],
        linkerSettings: [.linkedLibrary("simdjson")]
    ),

    // Forward/backward kernels in llm.c manner over plain float buffers; every matmul on OpenBLAS sgemm.
    // Optimised in debug builds too: the SIMD loops are ~100x slower unoptimised, which would make every
    // model test slow.
    .target(
        name: "Kernels",
        dependencies: ["COpenBLAS"],
        swiftSettings: strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
    ),

    // The decoder-only transformer: parameters, training, checkpoints, tokenizer, generation.
    // Token batches and plain buffers in, numbers out: no Parquet, no pipeline.
    .target(name: "LanguageModel", dependencies: ["Kernels"], swiftSettings: strictSettings),

    // IL-GRPO's core: rewards, group-relative token advantages, clipped-surrogate weights for the model's
    // backward, the step log, and a trainer over a Transformer. Token ids, numbers and closures in:
    // no Parquet, no pipeline, no CTR model (its click probability arrives as a number).
    .target(name: "PolicyOptimization", dependencies: ["LanguageModel"], swiftSettings: strictSettings),

    // Lookup tables for serving (SQLite through GRDB): written by export, read by the server.
    .target(
        name: "LookupFormat",
        dependencies: ["Digest", .product(name: "GRDB", package: "GRDB.swift")],
        swiftSettings: strictSettings
    ),

    // The lookup server (`aigq serve`, spec §8): loads the exported tables into memory, swaps versions
    // without dropping requests, answers /v1/hints, /healthz and /metrics. Knows nothing of stages or models.
    .target(
        name: "Serving",
        dependencies: [
            "LookupFormat",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ],
        swiftSettings: strictSettings
    ),

    // The CTR reward model: logistic regression over dense features, metrics, JSON files. No dependencies.
    .target(name: "CTRModel", swiftSettings: strictSettings),

    // The synthetic raw logs of `aigq gen` (spec §11): writes the raw contract, plus the latent truth.
    .target(
        name: "SyntheticLogs",
        dependencies: ["Columnar"],
        swiftSettings: strictSettings
    ),

    // The concrete stages: where storage and models meet the pipeline. One folder per stage.
    .target(
        name: "Stages",
        dependencies: ["PipelineCore", "Columnar", "LookupFormat", "CSimdJSON", "LanguageModel", "Kernels", "CTRModel"],
        swiftSettings: strictSettings
    ),

    // `aigq bench …`: runs our work and the peers' side by side (spec/bench.md).
    .target(
        name: "Benchmarks",
        dependencies: ["Columnar", "Stages", "SyntheticLogs", "PipelineCore", "LanguageModel", "Kernels", "LookupFormat", "Serving"],
        swiftSettings: strictSettings
    ),

    // The thin command-line tool.
    .executableTarget(
        name: "aigq",
        dependencies: [
            "Columnar", "Benchmarks", "Runner", "PipelineCore", "ManifestStore", "Stages", "SyntheticLogs",
            "LookupFormat", "Serving",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strictSettings
    ),

    .testTarget(name: "DigestTests", dependencies: ["Digest"], swiftSettings: strictSettings),
    .testTarget(name: "ColumnarTests", dependencies: ["Columnar"], swiftSettings: strictSettings),
    .testTarget(name: "PipelineCoreTests", dependencies: ["PipelineCore"], swiftSettings: strictSettings),
    .testTarget(name: "ManifestStoreTests", dependencies: ["ManifestStore"], swiftSettings: strictSettings),
    .testTarget(name: "RunnerTests", dependencies: ["Runner", "PipelineCore", "ManifestStore"], swiftSettings: strictSettings),
    .testTarget(
        name: "KernelsTests",
        dependencies: ["Kernels"],
        exclude: ["Goldens"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "LanguageModelTests",
        dependencies: ["LanguageModel", "Kernels"],
        exclude: ["Goldens"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "PolicyOptimizationTests",
        dependencies: ["PolicyOptimization", "LanguageModel", "Kernels"],
        swiftSettings: strictSettings
    ),
    .testTarget(name: "LookupFormatTests", dependencies: ["LookupFormat"], swiftSettings: strictSettings),
    .testTarget(
        name: "ServingTests",
        dependencies: [
            "Serving", "LookupFormat",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strictSettings
    ),
    .testTarget(name: "CTRModelTests", dependencies: ["CTRModel"], swiftSettings: strictSettings),
    .testTarget(name: "SyntheticLogsTests", dependencies: ["SyntheticLogs", "Columnar"], swiftSettings: strictSettings),
    .testTarget(
        name: "StagesTests",
        dependencies: ["Stages", "PipelineCore", "Columnar", "SyntheticLogs", "LookupFormat", "CTRModel"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "AIGQEndToEndTests",
        dependencies: ["Columnar", "LookupFormat"],
        swiftSettings: strictSettings
    ),
]

// The reader fuzz target links libFuzzer's own `main`, so it is only declared when asked for:
// AIGQ_FUZZ=1 swift build --scratch-path .build-fuzz --product ColumnarFuzz -Xswiftc -sanitize=fuzzer,address
if ProcessInfo.processInfo.environment["AIGQ_FUZZ"] == "1" {
    targets.append(
        .executableTarget(
            name: "ColumnarFuzz",
            dependencies: ["Columnar"],
            path: "Tests/Fuzz/ColumnarFuzz",
            swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
        )
    )
}

let package = Package(
    name: "aigq",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "aigq", targets: ["aigq"]),
        .library(name: "Columnar", targets: ["Columnar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Serving. Hummingbird without its default traits: no swift-configuration (nothing reads it here).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
