/// The origin (scheme, host, port) of an absolute URL, compared to keep credentials and
/// redirects on the integration's own origin.
package struct URLOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The scheme in lower case.
    package var scheme: String
    /// The host in lower case (IPv6 literals keep their brackets).
    package var host: String
    /// The port, explicit or the scheme's default.
    package var port: Int

    /// Parses the origin of an absolute `http` or `https` URL; `nil` for anything else.
    ///
    /// Runs on every request (credentials only go to the integration's own origin), so it scans
    /// the URL's UTF-8 bytes rather than its characters.
    package init?(_ url: String) {
        var url = url
        guard let parts = url.withUTF8({ Self.parts(of: $0) }) else { return nil }
        (scheme, host, port) = parts
    }

    private static func parts(of bytes: UnsafeBufferPointer<UInt8>) -> (String, String, Int)? {
        let colon = UInt8(ascii: ":")
        let slash = UInt8(ascii: "/")
        var schemeEnd = 0
        while schemeEnd + 2 < bytes.count {
            if bytes[schemeEnd] == colon, bytes[schemeEnd + 1] == slash, bytes[schemeEnd + 2] == slash { break }
            schemeEnd += 1
        }
        guard schemeEnd + 2 < bytes.count else { return nil }
        let scheme = String(decoding: bytes[..<schemeEnd], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var start = schemeEnd + 3
        var end = start
        while end < bytes.count, bytes[end] != slash, bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") {
            end += 1
        }
        if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
        var hostEnd = end
        var portStart = end
        if start < end, bytes[start] == UInt8(ascii: "[") {
            guard let close = bytes[start..<end].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            hostEnd = close + 1
            portStart = hostEnd
            while portStart < end, bytes[portStart] == colon { portStart += 1 }
        } else if let lastColon = bytes[start..<end].lastIndex(of: colon) {
            hostEnd = lastColon
            portStart = lastColon + 1
        }
        guard start < hostEnd else { return nil }
        let port: Int
        if portStart >= end {
            port = scheme == "https" ? 443 : 80
        } else {
            guard let parsed = Int(String(decoding: bytes[portStart..<end], as: UTF8.self)),
                (1...65535).contains(parsed)
            else { return nil }
            port = parsed
        }
        return (scheme, String(decoding: bytes[start..<hostEnd], as: UTF8.self).lowercased(), port)
    }

    /// `scheme://host:port`.
    package var description: String { "\(scheme)://\(host):\(port)" }

    /// Resolves a possibly relative reference (`/path?q`, `?q`, `//host/path`, absolute) against a base URL.
    package static func resolve(_ reference: String, against base: String) -> String {
        if reference.contains("://") { return reference }
        guard let schemeEnd = base.firstRange(of: "://") else { return reference }
        let scheme = base[base.startIndex..<schemeEnd.lowerBound]
        if reference.hasPrefix("//") { return "\(scheme):\(reference)" }
        let afterScheme = base[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let root = base[base.startIndex..<authorityEnd]
        if reference.hasPrefix("/") { return root + reference }
        let pathAndQuery = base[authorityEnd...]
        let path = pathAndQuery.prefix { $0 != "?" && $0 != "#" }
        if reference.hasPrefix("?") { return root + path + reference }
        let directory = path.lastIndex(of: "/").map { path[path.startIndex...$0] } ?? "/"
        return root + directory + reference
    }
}
