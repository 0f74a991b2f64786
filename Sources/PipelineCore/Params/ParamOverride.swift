/// A command-line override of one stage param: `-p sft.lr=1e-3`.
public struct ParamOverride: Hashable, Sendable, CustomStringConvertible {
    /// The stage whose param is set.
    public var stage: String
    /// The param's name.
    public var param: String
    /// The new value.
    public var value: ParamValue
    /// The override as the user wrote it, for error messages.
    public var text: String

    /// Creates an override from its parts.
    public init(stage: String, param: String, value: ParamValue) {
        self.stage = stage
        self.param = param
        self.value = value
        self.text = "\(stage).\(param)=\(value.canonicalJSON)"
    }

    /// Parses `stage.param=value`; the value is read as by ``ParamValue/init(overrideText:)``.
    ///
    /// ```swift
    /// let override = try ParamOverride(parsing: "sft.lr=1e-3")   // stage "sft", param "lr", .double(0.001)
    /// ```
    ///
    /// - Throws: ``PipelineError`` (`invalidOverride`) when the text has no `=`, no `.` before it, or a bad value.
    public init(parsing text: String) throws(PipelineError) {
        let usage = "write -p stage.param=value, for example -p sft.lr=1e-3"
        guard let equals = text.firstIndex(of: "=") else {
            throw PipelineError(.invalidOverride, "invalid override '\(text)': no '='; \(usage)")
        }
        let target = text[..<equals]
        guard let dot = target.firstIndex(of: "."), dot != target.startIndex,
            target.index(after: dot) != target.endIndex
        else {
            throw PipelineError(
                .invalidOverride, "invalid override '\(text)': '\(target)' is not stage.param; \(usage)")
        }
        self.stage = String(target[..<dot])
        self.param = String(target[target.index(after: dot)...])
        do {
            self.value = try ParamValue(overrideText: String(text[text.index(after: equals)...]))
        } catch {
            throw PipelineError(.invalidOverride, "invalid override '\(text)': \(error.message)")
        }
        self.text = text
    }

    /// `stage.param=value` as written.
    public var description: String { text }
}
