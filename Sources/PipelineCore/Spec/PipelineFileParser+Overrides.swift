extension PipelineFileParser {
    /// Applies `-p stage.param=value` overrides over the file's params, checking names and types.
    static func apply(
        _ overrides: [ParamOverride],
        to stages: inout [StageSpec],
        registry: StageKindRegistry
    ) throws(PipelineError) {
        for override in overrides {
            guard let index = stages.firstIndex(where: { $0.name == override.stage }) else {
                let names = stages.map(\.name)
                throw PipelineError(
                    .unknownStage,
                    "override '\(override.text)' names unknown stage '\(override.stage)'"
                        + listing(override.stage, among: names, label: "stages"))
            }
            let stage = stages[index]
            guard let kind = registry[stage.kind] else { continue }
            guard let spec = kind.param(named: override.param) else {
                let names = kind.params.map(\.name).sorted()
                throw PipelineError(
                    .unknownParam,
                    "override '\(override.text)' names unknown param '\(override.param)' of stage '\(stage.name)'"
                        + listing(override.param, among: names, label: "params of kind '\(kind.name)'"))
            }
            guard let typed = spec.type.coerce(override.value) else {
                throw PipelineError(
                    .wrongType,
                    "override '\(override.text)' sets param '\(spec.name)' of stage '\(stage.name)' to "
                        + "\(override.value.typeName) \(override.value.canonicalJSON), "
                        + "but it must be \(article(spec.type))"
                )
            }
            stages[index].params[spec.name] = typed
        }
    }

    /// Every required param of the stage's kind must be set (by the file or an override).
    static func checkRequiredParams(
        of stage: StageSpec,
        registry: StageKindRegistry,
        source: YAMLSource
    ) throws(PipelineError) {
        guard let kind = registry[stage.kind] else { return }
        for spec in kind.params where spec.isRequired && stage.params[spec.name] == nil {
            throw source.error(
                .missingKey,
                "stage '\(stage.name)' of kind '\(kind.name)' is missing required param '\(spec.name)' "
                    + "(\(spec.type)); add it under 'params:'",
                at: stage.locations.stage)
        }
    }

    /// `"; did you mean 'x'? Stages: a, b"` or `"; stages: a, b"`.
    static func listing(_ word: String, among names: [String], label: String) -> String {
        let list = names.isEmpty ? "none" : names.joined(separator: ", ")
        guard let suggestion = Suggestion.closest(to: word, among: names) else { return "; \(label): \(list)" }
        return "; did you mean '\(suggestion)'? " + label.prefix(1).uppercased() + label.dropFirst() + ": \(list)"
    }
}
