/// Collects the header fields of the final response from the lines libcurl reports one by one.
///
/// libcurl reports the head of every response it reads on a transfer: interim `1xx` responses,
/// a proxy's `CONNECT` reply, then the final response. Each status line starts a new head, so
/// only the fields of the last one remain.
struct ResponseHeaderCollector {
    private var fields: [(name: String, value: String)] = []

    /// The fields collected since the last status line, in the order received.
    var headers: HTTPHeaders { HTTPHeaders(fields) }

    /// Takes one raw header line as libcurl delivers it, line ending included.
    mutating func consume(_ bytes: UnsafeRawBufferPointer) {
        consume(line: String(decoding: bytes, as: UTF8.self))
    }

    /// Takes one header line; a trailing CR/LF is ignored.
    mutating func consume(line raw: String) {
        var line = Substring(raw)
        while let last = line.last, last.isNewline { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            fields.removeAll()
            return
        }
        guard let first = line.first else { return }
        if first == " " || first == "\t" {
            // An obsolete folded continuation of the previous field's value.
            guard !fields.isEmpty else { return }
            let continuation = Self.trimmed(line)
            guard !continuation.isEmpty else { return }
            let index = fields.count - 1
            fields[index].value += fields[index].value.isEmpty ? continuation : " " + continuation
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = Self.trimmed(line[..<colon])
        guard !name.isEmpty else { return }
        fields.append((name: name, value: Self.trimmed(line[line.index(after: colon)...])))
    }

    private static func trimmed(_ text: Substring) -> String {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
