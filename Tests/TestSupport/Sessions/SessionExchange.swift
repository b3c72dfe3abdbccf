/// One step of a recorded session: a line the client sent and every line the server wrote
/// before the client's next line.
package struct SessionExchange: Sendable {
    /// The client's line.
    package var input: TranscriptLine
    /// The server's lines that followed, in order (none for a notification).
    package var outputs: [TranscriptLine]

    /// Creates an exchange.
    package init(input: TranscriptLine, outputs: [TranscriptLine]) {
        self.input = input
        self.outputs = outputs
    }

    /// Groups transcript lines into exchanges; a server line before any client line is an error.
    package static func group(_ lines: [TranscriptLine]) throws -> [SessionExchange] {
        var exchanges: [SessionExchange] = []
        for line in lines {
            switch line.direction {
            case .incoming:
                exchanges.append(SessionExchange(input: line, outputs: []))
            case .outgoing:
                guard !exchanges.isEmpty else {
                    throw SessionFixtureError("the transcript starts with a server line: \(line.wireText.prefix(200))")
                }
                exchanges[exchanges.count - 1].outputs.append(line)
            }
        }
        return exchanges
    }
}
