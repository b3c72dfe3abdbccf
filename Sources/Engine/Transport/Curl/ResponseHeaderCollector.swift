/// Collects the header fields of the final response from the lines libcurl reports one by one.
///
/// libcurl reports the head of every response it reads on a transfer: interim `1xx` responses,
/// a proxy's `CONNECT` reply, then the final response. Each status line starts a new head, so
/// only the fields of the last one remain.
struct ResponseHeaderCollector {
    private var fields: [(name: String, value: String)] = []

    /// The fields collected since the last status line, in the order received.
    var headers: HTTPHeaders { HTTPHeaders(fields) }

    /// Takes one raw header line as libcurl delivers it, line ending included. Works on the
    /// bytes (this runs for every header of every response); a trailing CR/LF is ignored.
    mutating func consume(_ raw: UnsafeRawBufferPointer) {
        let bytes = raw.bindMemory(to: UInt8.self)
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        let line = bytes[..<end]
        if line.starts(with: "HTTP/".utf8) {
            fields.removeAll()
            return
        }
        guard let first = line.first else { return }
        if Self.isBlank(first) {
            // An obsolete folded continuation of the previous field's value.
            guard !fields.isEmpty else { return }
            let continuation = Self.trimmed(line)
            guard !continuation.isEmpty else { return }
            let index = fields.count - 1
            fields[index].value += fields[index].value.isEmpty ? continuation : " " + continuation
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = Self.trimmed(line[..<colon])
        guard !name.isEmpty else { return }
        fields.append((name: name, value: Self.trimmed(line[(colon + 1)...])))
    }

    /// Takes one header line given as text (see ``consume(_:)``).
    mutating func consume(line: String) {
        Array(line.utf8).withUnsafeBytes { consume($0) }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    private static func trimmed(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var text = text
        while let first = text.first, isBlank(first) { text = text.dropFirst() }
        while let last = text.last, isBlank(last) { text = text.dropLast() }
        return String(decoding: text, as: UTF8.self)
    }
}
