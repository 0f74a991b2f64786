import Yams

/// Reads a pipeline file's text into a validated ``Pipeline``. Touches no disk: the caller reads the file.
///
/// The schema (version 1), keys in snake_case:
///
/// ```yaml
/// schema: 1                     # required; the only version this build reads
/// name: daily                   # optional; defaults to the file's base name
/// description: Daily rebuild    # optional
/// sources: [raw_logs]           # raw datasets that no stage writes
/// datasets:                     # optional: datasets kept elsewhere than data/<name>/dt=DAY/
///   reports: {path: reports, partitions: day}   # <workspace>/reports/2026-11-24/
/// stages:                       # required; stage name → definition, in run-tie order
///   sessions:
///     kind: sessions            # a registered kind, or `command`
///     description: …            # optional
///     inputs: [events]          # datasets read (a single name is a one-element list);
///                               # {events: {days: 8}} reads days D-7…D, {x: {offset: -1}} day D-1
///     outputs: [behaviors]      # datasets written; each dataset has exactly one producer
///     params: {window_days: 7}  # checked against the kind's declared params
///     per: day                  # `day` or `none` (default)
///     map: shard                # optional: one task per input shard
///     retries: 2                # default 0
///     timeout: 10m              # seconds, or `90s`, `10m`, `2h`, `1h30m`; default none
///     threads: all              # `one` (default) or `all`
/// ```
///
/// Errors point at `file:line:column` and quote the offending text:
///
/// ```swift
/// do {
///     let pipeline = try PipelineFileParser.parse(text: text, file: "Pipelines/daily.yaml", registry: registry)
/// } catch {
///     print(error)   // Pipelines/daily.yaml:14:7: unknown kind 'sesions'; did you mean 'sessions'?
/// }
/// ```
public enum PipelineFileParser {
    /// The `schema:` version this build reads.
    public static let schemaVersion = 1

    /// The keys allowed at the top level of a pipeline file.
    public static let topLevelKeys = ["schema", "name", "description", "sources", "datasets", "stages"]

    /// The keys allowed in a stage definition.
    public static let stageKeys = [
        "kind", "description", "inputs", "outputs", "params", "per", "map", "retries", "timeout", "threads",
    ]

    /// Parses and validates a pipeline file.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The file name used in error locations (for example `Pipelines/daily.yaml`).
    ///   - registry: The stage kinds stages may name.
    ///   - overrides: Command-line `-p stage.param=value` overrides, applied over the file's params.
    /// - Returns: The pipeline, with resolved params and a validated graph.
    /// - Throws: ``PipelineError`` for the first problem found, in file order; override problems after file ones.
    public static func parse(
        text: String,
        file: String,
        registry: StageKindRegistry,
        overrides: [ParamOverride] = []
    ) throws(PipelineError) -> Pipeline {
        let source = YAMLSource(text: text, file: file)
        let start = SourceLocation(file: file, line: 1, column: 1)
        let root = try compose(source: source, text: text)
        guard let root else {
            throw source.error(.missingKey, "the file is empty; a pipeline file starts with 'schema: 1'", at: start)
        }
        let top = try source.entries(try source.mapping(root, "the top level of a pipeline file"), "the top level")
        try source.checkKeys(top, known: topLevelKeys, in: "at the top level")
        func value(_ key: String) -> (keyNode: Node, value: Node)? {
            top.first { $0.key == key }.map { ($0.keyNode, $0.value) }
        }

        guard let schema = value("schema") else {
            throw source.error(
                .schemaVersion, "missing key 'schema'; add 'schema: 1' at the top of the file", at: start)
        }
        guard case .int(let version) = try? source.paramValue(schema.value), version == schemaVersion else {
            throw source.error(
                .schemaVersion,
                "unsupported schema version \(YAMLSource.describe(schema.value)); "
                    + "this build reads 'schema: \(schemaVersion)'",
                at: schema.value
            )
        }

        let name = try value("name").map { entry throws(PipelineError) in try source.string(entry.value, "'name'") }
        let description = try value("description").map { entry throws(PipelineError) in
            try source.string(entry.value, "'description'")
        }

        var sources: [String] = []
        var sourceLocations: [String: SourceLocation] = [:]
        if let entry = value("sources") {
            for (dataset, node) in try source.stringList(entry.value, "'sources'") {
                try checkDatasetName(dataset, at: node, source: source)
                if let first = sourceLocations[dataset] {
                    throw source.error(
                        .duplicateName, "source '\(dataset)' is listed twice (first on line \(first.line))", at: node)
                }
                sources.append(dataset)
                sourceLocations[dataset] = source.location(of: node)
            }
        }

        var locations: [String: DatasetLocation] = [:]
        var locationsAt = start
        if let entry = value("datasets") {
            locations = try datasetLocations(entry.value, source: source)
            locationsAt = source.location(of: entry.keyNode)
        }

        guard let stagesEntry = value("stages") else {
            throw source.error(
                .missingKey, "missing key 'stages'; add a 'stages:' mapping of stage names to definitions", at: start)
        }
        let stageEntries = try source.entries(try source.mapping(stagesEntry.value, "'stages'"), "'stages'")
        guard !stageEntries.isEmpty else {
            throw source.error(.missingKey, "'stages' is empty; define at least one stage", at: stagesEntry.keyNode)
        }
        var stages: [StageSpec] = []
        for entry in stageEntries {
            stages.append(
                try parseStage(
                    name: entry.key, nameNode: entry.keyNode, body: entry.value, source: source, registry: registry)
            )
        }

        try apply(overrides, to: &stages, registry: registry)
        for stage in stages {
            try checkRequiredParams(of: stage, registry: registry, source: source)
        }

        let produced = Set(stages.flatMap(\.outputs)).union(sources)
        for dataset in locations.keys.sorted() where !produced.contains(dataset) {
            throw PipelineError(
                .invalidValue, "'datasets' names '\(dataset)', which no stage writes and is not a source; remove it or fix the name",
                location: locationsAt)
        }
        do {
            let graph = try StageGraph(stages: stages, sources: sources, sourceLocations: sourceLocations)
            var pipeline = Pipeline(
                name: name ?? baseName(of: file), schema: version, description: description, file: file, graph: graph)
            pipeline.datasetLocations = locations
            return pipeline
        } catch {
            throw source.withSnippet(error)
        }
    }

    /// The `datasets:` mapping: `name: {path: folder, partitions: dt|day}`.
    private static func datasetLocations(_ node: Node, source: YAMLSource) throws(PipelineError) -> [String: DatasetLocation] {
        var out: [String: DatasetLocation] = [:]
        for entry in try source.entries(try source.mapping(node, "'datasets'"), "'datasets'") {
            try checkDatasetName(entry.key, at: entry.keyNode, source: source)
            let fields = try source.entries(try source.mapping(entry.value, "dataset '\(entry.key)'"), "dataset '\(entry.key)'")
            try source.checkKeys(fields, known: ["path", "partitions"], in: "in dataset '\(entry.key)'") { _ in nil }
            var location = DatasetLocation(path: "data/" + entry.key)
            for field in fields {
                if field.key == "path" {
                    let path = try source.string(field.value, "'path'")
                    let parts = path.split(separator: "/")
                    guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }),
                        parts.first != "logs", path != "manifest.sqlite"
                    else {
                        throw source.error(
                            .invalidValue, "invalid path '\(path)' for dataset '\(entry.key)'; use a folder inside the workspace such as 'reports'",
                            at: field.value)
                    }
                    location.path = parts.joined(separator: "/")
                } else {
                    location.partitions = try choice(field.value, key: "partitions", source: source)
                }
            }
            out[entry.key] = location
        }
        return out
    }

    /// Composes the YAML document, turning Yams errors into located ``PipelineError``s.
    private static func compose(source: YAMLSource, text: String) throws(PipelineError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let location = SourceLocation(file: source.file, line: mark.line, column: mark.column)
                let started = context.map { " (\($0.text) started at line \($0.mark.line), column \($0.mark.column))" }
                throw PipelineError(
                    .syntax, "YAML syntax error: \(problem)" + (started ?? ""), location: location,
                    sourceLine: source.line(mark.line), cause: error)
            case .duplicatedKeysInMapping(let duplicates, let context):
                let location = SourceLocation(file: source.file, line: context.mark.line, column: context.mark.column)
                let keys = Suggestion.quotedList(duplicates)
                throw PipelineError(
                    .duplicateName, "key \(keys) appears more than once in one mapping; keep one",
                    location: location, sourceLine: source.line(context.mark.line), cause: error)
            default:
                throw PipelineError(.syntax, "YAML syntax error: \(error)", cause: error)
            }
        } catch {
            throw PipelineError(.syntax, "YAML syntax error: \(error)", cause: error)
        }
    }

    /// `Pipelines/daily.yaml` → `daily`.
    static func baseName(of file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    /// Stage names: a letter, then letters, digits, `_` or `-`.
    static func isValidStageName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }

    /// Dataset names: non-empty ASCII letters, digits, `_`, `-`, `.`, `/`, not starting with `/` or `.`.
    static func checkDatasetName(_ name: String, at node: Node, source: YAMLSource) throws(PipelineError) {
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./".unicodeScalars.contains($0))
        }
        guard allowed, let first = name.first, first != "/", first != ".", !name.hasSuffix("/") else {
            throw source.error(
                .invalidValue,
                "invalid dataset name '\(name)'; use letters, digits, '_', '-', '.' and '/' (not at the start)",
                at: node)
        }
    }
}
