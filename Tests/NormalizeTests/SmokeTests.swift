import Testing

@Suite struct NormalizeTestsPlaceholder {
    @Test func builds() { #expect(Bool(true)) }
}
