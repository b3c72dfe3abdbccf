import Testing

@Suite struct EngineSmokeTests {
    @Test("the target builds") func builds() { #expect(1 + 1 == 2) }
}
