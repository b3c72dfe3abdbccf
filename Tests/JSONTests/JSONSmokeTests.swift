import Testing

@Suite struct JSONSmokeTests {
    @Test("the target builds") func builds() { #expect(1 + 1 == 2) }
}
