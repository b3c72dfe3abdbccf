import Foundation
import Glibc
import JSON
import Synchronization
import TestSupport
import Testing

@testable import MCP

/// Collects a transport's events until `inputClosed` (after which its reader thread is done and
/// the input descriptor may be closed), running `onEvent` for each.
private func events(
    of transport: StdioTransport, onEvent: @escaping @Sendable (TransportEvent) -> Void = { _ in }
) async -> [TransportEvent] {
    await withTimeout {
        var seen: [TransportEvent] = []
        for await event in transport.incoming {
            seen.append(event)
            onEvent(event)
            if event == .inputClosed { break }
        }
        return seen
    } ?? []
}

@Suite struct StdioTransportTests {
    @Test("reads lines from a real pipe: CRLF, an over-long line, a last line without newline, then EOF")
    func reading() async throws {
        let input = try PipeEnds()
        let output = try PipeEnds()
        defer { [input.read, output.read, output.write].forEach { _ = close($0) } }
        let transport = StdioTransport(input: input.read, output: output.write, maximumLineLength: 16)
        input.writeAll("first\r\n" + String(repeating: "y", count: 40) + "\nsecond\nlast")
        _ = close(input.write)
        #expect(
            await events(of: transport) == [
                .line(Array("first".utf8)), .lineTooLong(length: 40), .line(Array("second".utf8)),
                .line(Array("last".utf8)), .inputClosed,
            ])
        await transport.finish()
    }

    @Test("lines can go straight to a handler on the reading thread; state changes still come through incoming")
    func directDelivery() async throws {
        let input = try PipeEnds()
        let output = try PipeEnds()
        defer { [input.read, output.read, output.write].forEach { _ = close($0) } }
        let transport = StdioTransport(input: input.read, output: output.write, maximumLineLength: 16)
        let handled = Mutex<[TransportEvent]>([])
        #expect(transport.deliverLinesDirectly { event in handled.withLock { $0.append(event) } })
        // Reading has started: a second request for direct delivery is refused.
        #expect(!transport.deliverLinesDirectly { _ in })
        input.writeAll("one\n" + String(repeating: "x", count: 30) + "\ntwo\r\nthree")
        _ = close(input.write)
        #expect(await events(of: transport) == [.inputClosed])
        #expect(
            handled.withLock { $0 } == [
                .line(Array("one".utf8)), .lineTooLong(length: 30), .line(Array("two".utf8)),
                .line(Array("three".utf8)),
            ])
        await transport.finish()
    }

    @Test("once incoming is iterated, direct delivery is refused and lines keep coming through incoming")
    func directDeliveryAfterIteration() async throws {
        let input = try PipeEnds()
        let output = try PipeEnds()
        defer { [input.read, output.read, output.write].forEach { _ = close($0) } }
        let transport = StdioTransport(input: input.read, output: output.write)
        input.writeAll("a\nb\n")
        _ = close(input.write)
        var iterator = transport.incoming.makeAsyncIterator()
        #expect(!transport.deliverLinesDirectly { _ in Issue.record("a line went to the refused handler") })
        var seen: [TransportEvent] = []
        while let event = await iterator.next() {
            seen.append(event)
            if event == .inputClosed { break }
        }
        #expect(seen == [.line(Array("a".utf8)), .line(Array("b".utf8)), .inputClosed])
        await transport.finish()
    }

    @Test("writes each message whole with a newline, in order, and reports lines to the observer")
    func writing() async throws {
        let input = try PipeEnds()
        let output = try PipeEnds()
        defer { [input.read, output.read].forEach { _ = close($0) } }
        let seen = Inbox<String>()
        let transport = StdioTransport(input: input.read, output: output.write) { direction, line in
            seen.append("\(direction.rawValue):\(String(decoding: line, as: UTF8.self))")
        }
        let messages = (0..<200).map { #"{"n":\#($0),"pad":"\#(String(repeating: "z", count: $0 * 10))"}"# }
        // More than a pipe holds: the reader must run while the writer writes.
        let reading = Task { await output.readToEnd() }
        for message in messages { transport.send(Array(message.utf8)) }
        input.writeAll("hello\n")
        _ = close(input.write)
        #expect(await events(of: transport) == [.line(Array("hello".utf8)), .inputClosed])
        await transport.finish()
        _ = close(output.write)
        let written = String(decoding: await reading.value, as: UTF8.self)
        #expect(written == messages.map { $0 + "\n" }.joined())
        var observed: [String] = []
        for _ in 0..<201 { if let line = await withTimeout({ await seen.next() }) { observed.append(line) } }
        #expect(observed.filter { $0.hasPrefix("outgoing:") } == messages.map { "outgoing:" + $0 })
        #expect(observed.contains("incoming:hello"))
    }

    @Test("a closed reader on the output (EPIPE) is reported as outputClosed, not a crash")
    func brokenPipe() async throws {
        let input = try PipeEnds()
        let output = try PipeEnds()
        defer { [input.read, output.write].forEach { _ = close($0) } }
        let transport = StdioTransport(input: input.read, output: output.write)
        _ = close(output.read)
        transport.send(Array("lost".utf8))
        let seen = await events(of: transport) { event in
            if event == .outputClosed { _ = close(input.write) }
        }
        #expect(seen == [.outputClosed, .inputClosed])
        await transport.finish()
    }

    @Test("a server over real pipes answers, drains at EOF and returns")
    func serverOverPipes() async throws {
        let input = try PipeEnds()
        let output = try PipeEnds()
        defer { [input.read, output.read].forEach { _ = close($0) } }
        let transport = StdioTransport(input: input.read, output: output.write)
        let server = MCPServer(host: ScriptedHost(), transport: transport, logger: .silent)
        input.writeAll(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n" + "not json\n")
        _ = close(input.write)
        let returned = await withTimeout { () -> Bool? in
            await server.run()
            return true
        }
        #expect(returned == true)
        _ = close(output.write)
        let lines = String(decoding: await output.readToEnd(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.contains(#"{"jsonrpc":"2.0","id":1,"result":{}}"#))
        #expect(lines.contains { $0.contains(#""code":-32700"#) && $0.contains(#""id":null"#) })
    }
}
