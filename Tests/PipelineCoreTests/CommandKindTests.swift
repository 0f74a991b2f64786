import Foundation
import Testing

@testable import PipelineCore

/// The `command` kind takes any extra param (passed to the command as AIGQ_PARAM_<NAME>), while a
/// misspelt stage key is still an error.
@Suite struct CommandKindTests {
    static let text = """
        schema: 1
        sources: [raw]
        stages:
          a:
            kind: command
            inputs: [raw]
            outputs: [x]
            params:
              cmd: make
              label: v1
        """

    @Test func acceptsExtraParamsAndOverridesOfThem() throws {
        let pipeline = try Fixtures.parse(Self.text, overrides: ["a.label=v2", "a.depth=3"])
        #expect(pipeline.stage(named: "a")?.params["label"] == .string("v2"))
        #expect(pipeline.stage(named: "a")?.params["depth"] == .int(3))
    }

    @Test func stillRejectsUnknownStageKeys() {
        let error = Fixtures.parseError(Self.text.replacingOccurrences(of: "outputs: [x]", with: "outputs: [x]\n    label: v1"))
        #expect(error?.hasPrefix("Pipelines/test.yaml:8:5: unknown key 'label' in stage 'a'") == true)
    }

    @Test func otherKindsStayStrict() {
        let registry = StageKindRegistry([StageKindInfo(name: "sft", codeVersion: 1, params: [ParamSpec("lr", .double, default: 3e-4)])])
        #expect(registry["sft"]?.param(named: "lrr") == nil)
        #expect(registry["command"]?.param(named: "anything") != nil)
    }
}
