import Yams

/// The text of one YAML document and its file name: turns Yams nodes into typed values, and failures
/// into ``PipelineError``s that point at `file:line:column` with the source line.
struct YAMLSource {
    let file: String
    let lines: [Substring]

    init(text: String, file: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    // MARK: Locations and errors

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.last == "\r" { line.removeLast() }
        return String(line)
    }

    func error(_ code: PipelineError.Code, _ message: String, at location: SourceLocation) -> PipelineError {
        PipelineError(code, message, location: location, sourceLine: line(location.line))
    }

    func error(_ code: PipelineError.Code, _ message: String, at node: Node) -> PipelineError {
        error(code, message, at: location(of: node))
    }

    /// Adds the source line to an error that has a location in this file but no snippet yet.
    func withSnippet(_ error: PipelineError) -> PipelineError {
        guard let location = error.location, location.file == file, error.sourceLine == nil else { return error }
        var copy = error
        copy.sourceLine = line(location.line)
        return copy
    }

    // MARK: Typed reads

    /// `a mapping`, `a list`, `the string 'x'`: how a found value is named in messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): "'\(scalar.string)'"
        case .alias: "an alias"
        }
    }

    func mapping(_ node: Node, _ what: String) throws(PipelineError) -> Node.Mapping {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, "\(what) must be a mapping, found \(Self.describe(node))", at: node)
        }
        return mapping
    }

    /// The keys of `mapping` as strings, each with its key node, in file order.
    func entries(_ mapping: Node.Mapping, _ what: String) throws(PipelineError) -> [(
        key: String, keyNode: Node, value: Node
    )] {
        var result: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(.wrongType, "keys of \(what) must be names, found \(Self.describe(keyNode))", at: keyNode)
            }
            result.append((scalar.string, keyNode, value))
        }
        return result
    }

    /// Rejects keys of `mapping` that are not in `known`, suggesting the closest known key.
    func checkKeys(
        _ entries: [(key: String, keyNode: Node, value: Node)],
        known: [String],
        in context: String,
        hint: (String) -> String? = { _ in nil }
    ) throws(PipelineError) {
        for entry in entries where !known.contains(entry.key) {
            var message = "unknown key '\(entry.key)' \(context)"
            if let extra = hint(entry.key) {
                message += "; \(extra)"
            } else if let suggestion = Suggestion.closest(to: entry.key, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; known keys: " + known.sorted().joined(separator: ", ")
            }
            throw error(.unknownKey, message, at: entry.keyNode)
        }
    }

    func string(_ node: Node, _ what: String) throws(PipelineError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.wrongType, "\(what) must be a string, found \(Self.describe(node))", at: node)
        }
        return scalar.string
    }

    func int(_ node: Node, _ what: String) throws(PipelineError) -> Int {
        guard case .int(let value) = try paramValue(node) else {
            throw error(.wrongType, "\(what) must be an int, found \(Self.describe(node))", at: node)
        }
        return value
    }

    /// A list of strings (a single string counts as a one-element list), each with its node.
    func stringList(_ node: Node, _ what: String) throws(PipelineError) -> [(value: String, node: Node)] {
        switch node {
        case .scalar(let scalar): return [(scalar.string, node)]
        case .sequence(let sequence):
            var result: [(value: String, node: Node)] = []
            for item in sequence {
                result.append((try string(item, "each entry of \(what)"), item))
            }
            return result
        default:
            throw error(.wrongType, "\(what) must be a list of names, found \(Self.describe(node))", at: node)
        }
    }

    /// A node as a param value, typing plain scalars by the YAML 1.2 core schema.
    func paramValue(_ node: Node) throws(PipelineError) -> ParamValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any {
                switch ParamValue.plainScalar(scalar.string) {
                case .success(let value): return value
                case .failure(let problem): throw error(.invalidValue, problem.message, at: node)
                }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var values: [ParamValue] = []
            for item in sequence { values.append(try paramValue(item)) }
            return .list(values)
        case .mapping(let mapping):
            var values: [String: ParamValue] = [:]
            for entry in try entries(mapping, "a map param") { values[entry.key] = try paramValue(entry.value) }
            return .map(values)
        case .alias:
            throw error(.wrongType, "aliases are not supported in pipeline files; write the value out", at: node)
        }
    }
}
