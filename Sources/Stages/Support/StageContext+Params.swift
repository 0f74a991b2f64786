public import PipelineCore

extension StageContext {
    /// The int param `name` (declared by the stage kind, so normally present with its default).
    public func intParam(_ name: String) throws -> Int {
        guard case .int(let value)? = spec.params[name] else { throw missing(name, "an int") }
        return value
    }

    /// The double param `name` (an int written in the file is accepted).
    public func doubleParam(_ name: String) throws -> Double {
        switch spec.params[name] {
        case .double(let value)?: return value
        case .int(let value)?: return Double(value)
        default: throw missing(name, "a number")
        }
    }

    /// The string param `name`.
    public func stringParam(_ name: String) throws -> String {
        guard case .string(let value)? = spec.params[name] else { throw missing(name, "a string") }
        return value
    }

    /// The bool param `name`.
    public func boolParam(_ name: String) throws -> Bool {
        guard case .bool(let value)? = spec.params[name] else { throw missing(name, "true or false") }
        return value
    }

    /// The list-of-strings param `name`.
    public func stringListParam(_ name: String) throws -> [String] {
        guard case .list(let values)? = spec.params[name] else { throw missing(name, "a list of strings") }
        return try values.map {
            guard case .string(let s) = $0 else { throw missing(name, "a list of strings") }
            return s
        }
    }

    /// The task's day; throws for a stage that must run `per: day`.
    public func requireDay() throws -> String {
        guard let day = task.day else {
            throw StageError(.badParam, "stage '\(spec.name)' (kind \(spec.kind)) must run per day; add 'per: day' to it in the pipeline file")
        }
        return day
    }

    /// The absolute input files of `dataset` (empty when it has none, e.g. before its first day).
    public func files(of dataset: String) -> [String] { inputFiles[dataset] ?? [] }

    /// The temporary folder to write `dataset` into; throws when the stage does not declare it.
    public func outputFolder(_ dataset: String) throws -> String {
        guard let folder = outputFolders[dataset] else {
            throw StageError(.badParam, "stage '\(spec.name)' must list '\(dataset)' under outputs; its kind \(spec.kind) writes it")
        }
        return folder
    }

    private func missing(_ name: String, _ what: String) -> StageError {
        StageError(.badParam, "param '\(name)' of stage '\(spec.name)' must be \(what) (got \(spec.params[name].map(\.description) ?? "nothing"))")
    }
}
