public import Foundation

extension ClickModel {
    /// The `format` value of a model file.
    public static let formatName = "aigq-click-model"
    /// The version of the file layout this code writes and reads.
    public static let formatVersion = 1

    /// The model as JSON text: fixed key order, one field per line, numbers as the shortest decimal
    /// that reads back as the same double (so a save/load round trip is exact), a final newline.
    ///
    /// ```json
    /// {
    ///   "format": "aigq-click-model",
    ///   "version": 1,
    ///   "kind": "logistic",
    ///   "features": ["position", "ctr"],
    ///   "mean": [1.2, 0.05],
    ///   "scale": [0.8, 0.02],
    ///   "weights": [-0.3, 0.9],
    ///   "bias": -2.1,
    ///   "metadata": {"half_life_hours": 24}
    /// }
    /// ```
    public func json() -> String {
        func numbers(_ values: [Double]) -> String { "[" + values.map(Self.number).joined(separator: ", ") + "]" }
        let meta = metadata.keys.sorted().map { "\(Self.quoted($0)): \(Self.number(metadata[$0]!))" }.joined(separator: ", ")
        let lines = [
            "{",
            "  \"format\": \(Self.quoted(Self.formatName)),",
            "  \"version\": \(Self.formatVersion),",
            "  \"kind\": \"logistic\",",
            "  \"features\": [" + features.map(Self.quoted).joined(separator: ", ") + "],",
            "  \"mean\": \(numbers(scaling.mean)),",
            "  \"scale\": \(numbers(scaling.scale)),",
            "  \"weights\": \(numbers(weights)),",
            "  \"bias\": \(Self.number(bias)),",
            "  \"metadata\": {\(meta)}",
            "}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a model from ``json()``'s text; `source` (a path) names it in errors. Numbers are read
    /// by `JSONDecoder`, which parses them exactly (`JSONSerialization` may be off in the last digit).
    public init(json data: Data, source: String) throws {
        func bad(_ what: String) -> ClickModelError {
            ClickModelError(.badFormat, "'\(source)' is not a click model: \(what); retrain it (rerun the ctr stage)")
        }
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else { throw bad("it is not a JSON object") }
        let decoder = JSONDecoder()
        let header = try? decoder.decode(Header.self, from: data)
        guard header?.format == Self.formatName else {
            throw bad("\"format\" is \(header?.format.map { "\"\($0)\"" } ?? "missing"), expected \"\(Self.formatName)\"")
        }
        guard let version = header?.version else { throw bad("no \"version\" number") }
        guard version == Self.formatVersion else {
            throw ClickModelError(.unsupportedVersion, "'\(source)' is a click model of format version \(version); this build reads version \(Self.formatVersion); retrain it with this build (rerun the ctr stage)")
        }
        let body: Body
        do {
            body = try decoder.decode(Body.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw bad("no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw bad("\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type")
        } catch {
            throw bad("\(error)")
        }
        guard body.kind == "logistic" else { throw bad("\"kind\" is \"\(body.kind)\", expected \"logistic\"") }
        for (key, values) in [("mean", body.mean), ("scale", body.scale), ("weights", body.weights)] where values.count != body.features.count {
            throw bad("\"\(key)\" has \(values.count) numbers for \(body.features.count) features")
        }
        do {
            try self.init(
                features: body.features, scaling: FeatureScaling(mean: body.mean, scale: body.scale), weights: body.weights, bias: body.bias,
                metadata: body.metadata ?? [:])
        } catch let error as ClickModelError {
            throw bad(error.message)
        }
    }

    /// Reads the model file at `path`.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClickModelError(.io, "cannot read the click model '\(path)'; check the path, or run the ctr stage that writes it")
        }
        try self.init(json: data, source: path)
    }

    /// Writes ``json()`` to `path`.
    public func write(to path: String) throws {
        do {
            try Data(json().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ClickModelError(.io, "cannot write the click model '\(path)': \(error.localizedDescription)")
        }
    }

    /// The shortest decimal text that reads back as `value` (finite by construction of the model).
    static func number(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// The first fields of a model file, read before the rest so a file of another format or version
/// gets its own error.
private struct Header: Decodable {
    var format: String?
    var version: Int?
}

/// The fields of a model file (``ClickModel/json()``).
private struct Body: Decodable {
    var kind: String
    var features: [String]
    var mean: [Double]
    var scale: [Double]
    var weights: [Double]
    var bias: Double
    var metadata: [String: Double]?
}
