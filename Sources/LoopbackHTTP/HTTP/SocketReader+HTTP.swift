import Foundation

extension SocketReader {
    /// The most header lines accepted in one message.
    static let maximumHeaderCount = 256

    /// Reads header lines up to the empty line that ends them, keeping order and spelling.
    mutating func readHeaderFields() throws -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        while true {
            guard let line = try readLine() else { throw HTTPParseError("connection closed inside the headers") }
            if line.isEmpty { return fields }
            guard fields.count < Self.maximumHeaderCount else { throw HTTPParseError("too many header lines") }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw HTTPParseError("header line without a name: \(line)")
            }
            let name = String(line[..<colon])
            guard !name.contains(where: { $0 == " " || $0 == "\t" }) else {
                throw HTTPParseError("whitespace in header name: \(name)")
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append((name: name, value: value))
        }
    }

    /// Reads a `Transfer-Encoding: chunked` body, including its trailer section, and returns the payload.
    mutating func readChunkedBody() throws -> Data {
        var payload = Data()
        while true {
            guard let sizeLine = try readLine() else { throw HTTPParseError("connection closed before a chunk size") }
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw HTTPParseError("bad chunk size line: \(sizeLine)")
            }
            if size == 0 {
                _ = try readHeaderFields()
                return payload
            }
            payload.append(try read(exactly: size))
            guard try readLine() == "" else { throw HTTPParseError("chunk data not followed by CRLF") }
        }
    }
}
