import Testing
@testable import PipelineCore

@Test func pipelineCoreBuilds() { #expect(Bool(true)) }
