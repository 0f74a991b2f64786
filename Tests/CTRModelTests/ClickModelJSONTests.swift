import CTRModel
import Foundation
import Testing

@Suite struct ClickModelJSONTests {
    static func model() throws -> ClickModel {
        let data = SyntheticClicks(rows: 3_000, seed: 9)
        return try ClickModelTrainer.train(
            features: SyntheticClicks.features, x: data.x, labels: data.labels,
            metadata: ["half_life_hours": 24, "ctr_prior": 0.123456789]).model
    }

    @Test func roundTripsExactly() throws {
        let model = try Self.model()
        let text = model.json()
        let back = try ClickModel(json: Data(text.utf8), source: "model.json")
        #expect(back == model)
        #expect(back.json() == text)
        let data = SyntheticClicks(rows: 100, seed: 10)
        #expect(back.probabilities(data.x) == model.probabilities(data.x))
    }

    @Test func writesAndReadsAFile() throws {
        let path = FileManager.default.temporaryDirectory.path + "/ctr-model-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try Self.model()
        try model.write(to: path)
        #expect(try ClickModel(contentsOf: path) == model)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"format\": \"aigq-click-model\",\n  \"version\": 1,\n"))
        #expect(text.contains("\"metadata\": {\"ctr_prior\": 0.123456789, \"half_life_hours\": 24}"))
    }

    /// Broken files and the error code each gets.
    static let broken: [(String, ClickModelError.Code, String)] = [
        ("not json", .badFormat, "not a JSON object"),
        ("{\"format\": \"other\", \"version\": 1}", .badFormat, "\"format\""),
        ("{\"format\": \"aigq-click-model\", \"version\": 2}", .unsupportedVersion, "version 2"),
        ("{\"format\": \"aigq-click-model\", \"version\": 1, \"kind\": \"logistic\", \"features\": [\"a\"], \"mean\": [0], \"scale\": [1], \"weights\": [1, 2], \"bias\": 0}", .badFormat, "\"weights\" has 2 numbers for 1 features"),
        ("{\"format\": \"aigq-click-model\", \"version\": 1, \"kind\": \"logistic\", \"features\": [\"a\"], \"mean\": [0], \"scale\": [0], \"weights\": [1], \"bias\": 0}", .badFormat, "scale"),
        ("{\"format\": \"aigq-click-model\", \"version\": 1, \"kind\": \"logistic\", \"features\": [\"a\"], \"mean\": [0], \"scale\": [1], \"weights\": [1]}", .badFormat, "\"bias\""),
    ]

    @Test(arguments: broken)
    func refusesABrokenFileNamingWhatIsWrong(text: String, code: ClickModelError.Code, mention: String) {
        #expect { try ClickModel(json: Data(text.utf8), source: "m.json") } throws: { error in
            guard let error = error as? ClickModelError else { return false }
            return error.code == code && error.message.contains(mention) && error.message.contains("'m.json'")
        }
    }

    @Test func aMissingFileIsAnIOError() {
        #expect { try ClickModel(contentsOf: "/nonexistent/ctr.json") } throws: { error in
            (error as? ClickModelError)?.code == .io && "\(error)".contains("/nonexistent/ctr.json")
        }
    }
}
