/// The origin (scheme, host, port) of an absolute URL, compared to keep credentials and
/// redirects on the integration's own origin.
public struct URLOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The scheme in lower case.
    public var scheme: String
    /// The host in lower case (IPv6 literals keep their brackets).
    public var host: String
    /// The port, explicit or the scheme's default.
    public var port: Int

    /// Parses the origin of an absolute `http` or `https` URL; `nil` for anything else.
    public init?(_ url: String) {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = url[url.startIndex..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        var portText: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.startIndex...close]
            portText = authority[authority.index(after: close)...].drop { $0 == ":" }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[authority.startIndex..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { return nil }
        let port: Int
        if portText.isEmpty {
            port = scheme == "https" ? 443 : 80
        } else {
            guard let parsed = Int(portText), (1...65535).contains(parsed) else { return nil }
            port = parsed
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
    }

    /// `scheme://host:port`.
    public var description: String { "\(scheme)://\(host):\(port)" }

    /// Resolves a possibly relative reference (`/path?q`, `?q`, `//host/path`, absolute) against a base URL.
    public static func resolve(_ reference: String, against base: String) -> String {
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
