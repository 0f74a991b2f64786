import Testing
@Test func placeholderStagesTests() { #expect(Bool(true)) }
