import Testing

@Suite struct MCPSmokeTests {
    @Test("the target builds") func builds() { #expect(1 + 1 == 2) }
}
