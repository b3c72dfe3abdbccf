import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// Property tests over generated hostile input, from fixed seeds: whatever a model passes, a
/// cursor it changed is refused before anything is sent, a path value stays one segment that
/// decodes to exactly what was given, and a header value is sent exactly as given or refused
/// when it holds a control character.
@Suite struct BuildingPropertyTests {
    /// Characters hostile values are drawn from: controls, separators, dots, escapes, non-ASCII.
    static let alphabet: [Character] =
        Array("ab/\\.%?#&=+ :;\"'<>{}[]~-_éß日\u{00}\u{01}\u{07}\t\r\n\u{1B}\u{7F}\u{85}\u{2028}\u{FEFF}")

    static func hostileString(_ random: inout SeededGenerator) -> String {
        String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
    }

    @Test("any change to a genuine cursor is invalid_cursor and sends nothing", arguments: [UInt64(1), 2, 3])
    func cursorMutations(seed: UInt64) async throws {
        let harness = try VendorShape.jira.harness()
        defer { harness.stop() }
        let first = try await harness.call("list", ["limit": 7])
        let genuine = Array(try #require(first.nextCursor))
        let before = harness.server.requests.count
        let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var random = SeededGenerator(seed: seed)
        for round in 0..<150 {
            var mutated = genuine
            switch Int.random(in: 0..<5, using: &random) {
            case 0:  // substitute one character with another of the alphabet
                let index = Int.random(in: 0..<mutated.count, using: &random)
                let old = mutated[index]
                mutated[index] = base64URL.filter { $0 != old }.randomElement(using: &random) ?? "A"
            case 1:  // delete a run
                let start = Int.random(in: 0..<mutated.count, using: &random)
                let end = min(mutated.count, start + Int.random(in: 1...8, using: &random))
                mutated.removeSubrange(start..<end)
            case 2:  // insert characters
                let index = Int.random(in: 0...mutated.count, using: &random)
                let count = Int.random(in: 1...4, using: &random)
                mutated.insert(
                    contentsOf: (0..<count).map { _ in base64URL.randomElement(using: &random) ?? "A" }, at: index)
            case 3:  // swap two characters that differ
                let a = Int.random(in: 0..<mutated.count, using: &random)
                let b = Int.random(in: 0..<mutated.count, using: &random)
                mutated.swapAt(a, b)
                if mutated == genuine { mutated.removeLast() }
            default:  // several substitutions at once
                for _ in 0..<Int.random(in: 2...6, using: &random) {
                    let index = Int.random(in: 0..<mutated.count, using: &random)
                    mutated[index] = base64URL.randomElement(using: &random) ?? "A"
                }
                if mutated == genuine { mutated.append("A") }
            }
            let outcome = try await harness.call("list", ["next_cursor": .string(String(mutated))])
            #expect(outcome.errorType == .invalidCursor, "seed \(seed) round \(round): \(String(mutated))")
        }
        #expect(harness.server.requests.count == before, "seed \(seed): a changed cursor reached the vendor")
    }

    @Test(
        "a hostile path value is refused or arrives as one segment decoding to exactly itself",
        arguments: [UInt64(7), 8])
    func pathValues(seed: UInt64) async throws {
        let harness = try RequestBuilderTests.harness()
        defer { harness.stop() }
        var random = SeededGenerator(seed: seed)
        for _ in 0..<120 {
            let value = Self.hostileString(&random)
            let before = harness.server.requests.count
            let outcome = try await harness.call("get", ["owner": .string(value), "repo": "r"])
            if value.isEmpty || value == "." || value == ".." {
                #expect(outcome.errorType == .invalidArguments, "\(value.debugDescription)")
                #expect(harness.server.requests.count == before)
                continue
            }
            #expect(!outcome.isError, "\(value.debugDescription): \(outcome.text)")
            let request = try #require(harness.server.requests.last)
            #expect(request.pathSegments.count == 3, "\(value.debugDescription) → \(request.target)")
            #expect(request.pathSegments.first == "repos")
            #expect(PercentDecoding.decode(request.pathSegments[1]) == value, "\(value.debugDescription)")
            #expect(request.query == nil, "\(value.debugDescription) → \(request.target)")
        }
        #expect(harness.server.requests.count > 80, "most generated values are sendable")
    }

    @Test(
        "a hostile header value is sent exactly as given, or refused when it holds a control character",
        arguments: [UInt64(11), 12])
    func headerValues(seed: UInt64) async throws {
        let harness = try RequestBuilderTests.harness()
        defer { harness.stop() }
        var random = SeededGenerator(seed: seed)
        for _ in 0..<120 {
            let value = Self.hostileString(&random)
            let before = harness.server.requests.count
            let outcome = try await harness.call("search", ["trace": .string(value)])
            let forbidden = value.utf8.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }
            if forbidden {
                #expect(outcome.errorType == .invalidArguments, "\(value.debugDescription)")
                #expect(outcome.error?.message.contains("trace") == true)
                #expect(harness.server.requests.count == before, "\(value.debugDescription) reached the vendor")
                continue
            }
            #expect(!outcome.isError, "\(value.debugDescription): \(outcome.text)")
            let request = try #require(harness.server.requests.last)
            let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            #expect(request.headerValues("X-Trace-Id") == (trimmed.isEmpty ? [] : [trimmed]) || trimmed.isEmpty)
            #expect(request.headers.allSatisfy { $0.name.lowercased() != "x-evil" })
        }
        #expect(harness.server.requests.count > 20, "some generated values are sendable")
    }
}
