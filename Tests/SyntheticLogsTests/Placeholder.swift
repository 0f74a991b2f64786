import Testing
@Test func placeholderSyntheticLogsTests() { #expect(Bool(true)) }
