import Yams

extension ParamValue {
    /// Types a plain (unquoted) scalar by the YAML 1.2 core schema: `true`/`false` → ``bool``,
    /// `-12` → ``int``, `1e-3`, `0.5`, `2.` → ``double``, anything else → ``string``.
    ///
    /// Fails (with a sentence saying why) for `null`, `~`, the empty scalar, `.inf` and `.nan`.
    static func plainScalar(_ text: String) -> Result<ParamValue, PlainScalarProblem> {
        switch text {
        case "true", "True", "TRUE": return .success(.bool(true))
        case "false", "False", "FALSE": return .success(.bool(false))
        case "", "~", "null", "Null", "NULL":
            return .failure(PlainScalarProblem(message: "empty value; write a value, or \"\" for an empty string"))
        case ".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .failure(PlainScalarProblem(message: "'\(text)' is not a finite number; params must be finite"))
        default: break
        }
        if isInteger(text), let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) {
            return .success(.int(value))
        }
        if isFloat(text), let value = Double(text), value.isFinite {
            return .success(.double(value))
        }
        return .success(.string(text))
    }

    /// Parses the value part of a command-line override (`-p sft.lr=1e-3`) as a YAML flow value:
    /// `1e-3` → double, `3` → int, `true` → bool, `'quoted'` or `"quoted"` → string, `[a, b]` → list,
    /// `{k: v}` → map, anything else → string.
    ///
    /// - Throws: ``PipelineError`` (`invalidOverride`) when the text is not a well-formed value.
    public init(overrideText text: String) throws(PipelineError) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw PipelineError(
                .invalidOverride, "cannot read '\(text)' as a value; quote it if it is text", cause: error)
        }
        guard let node else {
            throw PipelineError(.invalidOverride, "empty value; write a value, or '\"\"' for an empty string")
        }
        do {
            self = try YAMLSource(text: text, file: "override").paramValue(node)
        } catch {
            throw PipelineError(.invalidOverride, "cannot use '\(text)': \(error.message)")
        }
    }

    /// Reads a value back from its ``canonicalJSON`` (as stored in a run manifest).
    ///
    /// - Throws: ``PipelineError`` (`invalidValue`) when the text is not canonical JSON of a param value.
    public init(canonicalJSON text: String) throws(PipelineError) {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PipelineError(.invalidValue, "empty params JSON")
            }
            self = try YAMLSource(text: text, file: "params").paramValue(node)
        } catch let error as PipelineError {
            throw PipelineError(.invalidValue, "cannot read params JSON '\(text)': \(error.message)")
        } catch {
            throw PipelineError(.invalidValue, "cannot read params JSON '\(text)'", cause: error)
        }
    }

    private static func isInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, as in the YAML 1.2 core schema.
    private static func isFloat(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}

/// Why a plain scalar cannot be a param value.
struct PlainScalarProblem: Error {
    var message: String
}
