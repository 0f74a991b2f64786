public import Foundation

/// Reading and writing `_MANIFEST.json`: sorted keys, pretty printed, so its bytes are fixed.
extension ExportManifest {
    /// The manifest's JSON bytes (sorted keys, two-space indent, trailing newline).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw LookupError(.invalidArgument, "cannot encode the manifest of \(table) \(version): \(error)")
        }
    }

    /// Decodes a manifest read from `path`.
    public init(jsonData data: Data, path: String) throws {
        do {
            self = try JSONDecoder().decode(ExportManifest.self, from: data)
        } catch {
            throw LookupError(.broken, "'\(path)' is not a valid manifest (\(Self.reason(error))); export the version again")
        }
        guard format <= Self.currentFormat else {
            throw LookupError(.broken, "'\(path)' has manifest format \(format), newer than this aigq's \(Self.currentFormat); update aigq")
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty
                ? context.debugDescription
                : "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
