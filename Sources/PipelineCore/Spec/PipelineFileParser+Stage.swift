import Yams

extension PipelineFileParser {
    /// Parses one entry under `stages:`.
    static func parseStage(
        name: String,
        nameNode: Node,
        body: Node,
        source: YAMLSource,
        registry: StageKindRegistry
    ) throws(PipelineError) -> StageSpec {
        guard isValidStageName(name) else {
            throw source.error(
                .invalidValue,
                "invalid stage name '\(name)'; use letters, digits, '_' and '-', starting with a letter",
                at: nameNode)
        }
        let entries = try source.entries(try source.mapping(body, "stage '\(name)'"), "stage '\(name)'")
        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

        guard let kindNode = value("kind") else {
            throw source.error(
                .missingKey,
                "stage '\(name)' has no 'kind'; add 'kind:' with one of: " + registry.names.joined(separator: ", "),
                at: nameNode)
        }
        let kindName = try source.string(kindNode, "'kind'")
        guard let kind = registry[kindName] else {
            let hint =
                Suggestion.closest(to: kindName, among: registry.names).map { "did you mean '\($0)'?" }
                ?? "known kinds: " + registry.names.joined(separator: ", ")
            throw source.error(.unknownKind, "unknown kind '\(kindName)'; \(hint)", at: kindNode)
        }
        try source.checkKeys(entries, known: stageKeys, in: "in stage '\(name)'") { key in
            kind.params.contains { $0.name == key } ? "'\(key)' is a param of kind '\(kind.name)'; put it under 'params:'" : nil
        }

        var locations = StageSpec.Locations(stage: source.location(of: nameNode), kind: source.location(of: kindNode))
        var stage = StageSpec(name: name, kind: kind.name, codeVersion: kind.codeVersion, locations: locations)
        stage.description = try value("description").map { node throws(PipelineError) in
            try source.string(node, "'description'")
        }
        for key in ["inputs", "outputs"] {
            guard let node = value(key) else { continue }
            var seen: [String: SourceLocation] = [:]
            for (dataset, datasetNode, window) in try datasetList(node, key: key, stage: name, source: source) {
                try checkDatasetName(dataset, at: datasetNode, source: source)
                guard seen[dataset] == nil else {
                    throw source.error(
                        .duplicateName, "dataset '\(dataset)' is listed twice in the \(key) of stage '\(name)'",
                        at: datasetNode)
                }
                seen[dataset] = source.location(of: datasetNode)
                if key == "inputs" {
                    stage.inputs.append(dataset)
                    if let window { stage.inputWindows[dataset] = window }
                } else {
                    stage.outputs.append(dataset)
                }
            }
            if key == "inputs" { locations.inputs = seen } else { locations.outputs = seen }
        }
        if !stage.inputWindows.isEmpty, let node = value("per"), (try? source.string(node, "'per'")) != "day" {
            throw source.error(
                .invalidValue, "stage '\(name)' reads inputs with a day window but is not 'per: day'; add 'per: day' or remove the windows",
                at: node)
        }

        stage.params = Dictionary(
            uniqueKeysWithValues: kind.params.compactMap { spec in
                spec.defaultValue.map { (spec.name, $0) }
            })
        if let node = value("params") {
            for entry in try source.entries(try source.mapping(node, "'params'"), "'params'") {
                guard let spec = kind.param(named: entry.key) else {
                    throw source.error(
                        .unknownParam, unknownParamMessage(entry.key, kind: kind), at: entry.keyNode)
                }
                let raw = try source.paramValue(entry.value)
                guard let typed = spec.type.coerce(raw) else {
                    throw source.error(
                        .wrongType,
                        "param '\(spec.name)' of kind '\(kind.name)' must be \(article(spec.type)), "
                            + "found \(raw.typeName) \(raw.canonicalJSON)",
                        at: entry.value)
                }
                stage.params[spec.name] = typed
                locations.params[spec.name] = source.location(of: entry.value)
            }
        }

        if let node = value("per") {
            stage.per = try choice(node, key: "per", source: source)
        }
        if let node = value("map") {
            stage.map = try choice(node, key: "map", source: source) as StageSpec.MapMode
            if stage.inputs.isEmpty {
                throw source.error(
                    .invalidValue,
                    "stage '\(name)' has 'map: shard' but no inputs to map over; add an input or remove 'map'",
                    at: node)
            }
        }
        if let node = value("retries") {
            stage.retries = try source.int(node, "'retries'")
            guard stage.retries >= 0 else {
                throw source.error(.invalidValue, "'retries' must be 0 or more, found \(stage.retries)", at: node)
            }
        }
        if let node = value("timeout") {
            stage.timeout = try duration(node, source: source)
        }
        if let node = value("threads") {
            stage.threads = try choice(node, key: "threads", source: source)
        }
        stage.locations = locations
        return stage
    }

    /// The entries of `inputs:`/`outputs:`: names, or (inputs only) one-key mappings
    /// `{events: {days: 8, offset: -1}}` giving a day window.
    static func datasetList(
        _ node: Node, key: String, stage: String, source: YAMLSource
    ) throws(PipelineError) -> [(String, Node, DayWindow?)] {
        guard case .sequence(let sequence) = node else {
            return try source.stringList(node, "'\(key)'").map { ($0.value, $0.node, nil) }
        }
        let items = Array(sequence)
        var out: [(String, Node, DayWindow?)] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                out.append((try source.string(item, "an entry of '\(key)'"), item, nil))
                continue
            }
            guard key == "inputs", mapping.count == 1, let (nameNode, body) = mapping.first.map({ ($0.key, $0.value) }) else {
                throw source.error(
                    .invalidValue,
                    key == "inputs"
                        ? "an input is a dataset name or one 'name: {days: N, offset: M}' entry"
                        : "an output is a dataset name", at: item)
            }
            let dataset = try source.string(nameNode, "an input name")
            var window = DayWindow()
            for entry in try source.entries(try source.mapping(body, "the window of input '\(dataset)'"), "the window of input '\(dataset)'") {
                switch entry.key {
                case "days":
                    window.days = try source.int(entry.value, "'days'")
                    guard window.days >= 1, window.days <= 3660 else {
                        throw source.error(.invalidValue, "'days' of input '\(dataset)' must be 1…3660, found \(window.days)", at: entry.value)
                    }
                case "offset":
                    window.offset = try source.int(entry.value, "'offset'")
                    guard abs(window.offset) <= 3660 else {
                        throw source.error(.invalidValue, "'offset' of input '\(dataset)' must be within ±3660 days", at: entry.value)
                    }
                default:
                    let hint = Suggestion.closest(to: entry.key, among: ["days", "offset"]).map { "did you mean '\($0)'?" } ?? "use 'days' and 'offset'"
                    throw source.error(.unknownKey, "unknown key '\(entry.key)' in the window of input '\(dataset)'; \(hint)", at: entry.keyNode)
                }
            }
            out.append((dataset, nameNode, window == .sameDay ? nil : window))
        }
        return out
    }

    /// `'lrr' for kind 'sft'; did you mean 'lr'?`, or the list of the kind's params.
    static func unknownParamMessage(_ param: String, kind: StageKindInfo) -> String {
        let names = kind.params.map(\.name)
        let hint =
            Suggestion.closest(to: param, among: names).map { "did you mean '\($0)'?" }
            ?? (names.isEmpty ? "it takes no params" : "it takes: " + names.sorted().joined(separator: ", "))
        return "unknown param '\(param)' for kind '\(kind.name)'; \(hint)"
    }

    static func article(_ type: ParamType) -> String {
        type == .int ? "an int" : type == .any ? "any value" : "a \(type)"
    }

    /// One of an enum's raw values, with a did-you-mean when it is close to one.
    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: Node, key: String, source: YAMLSource
    ) throws(PipelineError) -> Choice where Choice.RawValue == String {
        let text = try source.string(node, "'\(key)'")
        if let value = Choice(rawValue: text) { return value }
        let allowed = Choice.allCases.map(\.rawValue)
        let hint =
            Suggestion.closest(to: text, among: allowed).map { "did you mean '\($0)'?" }
            ?? "use " + allowed.map { "'\($0)'" }.joined(separator: " or ")
        throw source.error(.invalidValue, "invalid value '\(text)' for '\(key)'; \(hint)", at: node)
    }

    /// A timeout: a number of seconds, or `90s`, `10m`, `2h`, `1h30m`, `500ms`.
    static func duration(_ node: Node, source: YAMLSource) throws(PipelineError) -> Duration {
        let invalid = { (text: String) in
            source.error(
                .invalidValue,
                "invalid timeout '\(text)'; write seconds or a duration like '90s', '10m', '2h' or '1h30m'", at: node)
        }
        switch try source.paramValue(node) {
        case .int(let seconds) where seconds > 0: return .seconds(seconds)
        case .double(let seconds) where seconds > 0: return .milliseconds(Int64((seconds * 1000).rounded()))
        case .string(let text):
            guard let duration = parseDuration(text) else { throw invalid(text) }
            return duration
        case let other: throw invalid(other.canonicalJSON)
        }
    }

    /// Parses `1h30m`, `90s`, `500ms`, `2d`; `nil` when malformed or zero.
    static func parseDuration(_ text: String) -> Duration? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        var rest = Substring(text)
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard
                let (unit, scale) = units.first(where: {
                    rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms"))
                })
            else { return nil }
            rest = rest.dropFirst(unit.count)
            total += amount * scale
        }
        return total > 0 ? .milliseconds(total) : nil
    }
}
