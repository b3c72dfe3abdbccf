/// Where a Redis server is and how to sign in to it, from `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`.
///
/// The password is kept for `AUTH` only: ``description`` (used in every message) never shows it.
package struct RedisEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address (an IPv6 address without its brackets).
    package var host: String
    /// The TCP port (default 6379).
    package var port: Int
    /// The ACL user name, when one is given before the password.
    package var username: String?
    /// The password for `AUTH`, when one is given.
    package var password: String?
    /// The logical database for `SELECT` (default 0).
    package var database: Int

    /// Creates an endpoint.
    package init(host: String, port: Int = 6379, username: String? = nil, password: String? = nil, database: Int = 0) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
    }

    /// Parses a `redis://` URL; the message says what is wrong (without repeating a password).
    package init(url: String) throws(RedisError) {
        if url.lowercased().hasPrefix("rediss://") {
            throw RedisError(
                .refused,
                "rediss:// (TLS) is not supported by Switchyard's Redis client; use redis:// on a trusted network")
        }
        guard url.lowercased().hasPrefix("redis://") else {
            throw RedisError(.refused, "the state store must be a redis://[:PASSWORD@]HOST:PORT[/DB] URL")
        }
        var rest = Substring(url.dropFirst("redis://".count))
        var username: String?
        var password: String?
        // The last `@` ends the credentials, so a password may hold `@`, `:` or `/` as typed.
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                let user = credentials[..<colon]
                username = user.isEmpty ? nil : PercentEncoding.decode(String(user))
                password = PercentEncoding.decode(String(credentials[credentials.index(after: colon)...]))
            } else {
                password = PercentEncoding.decode(String(credentials))
            }
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var host = rest
        var port = 6379
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw RedisError(.refused, "the state store URL has a bad host")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else {
                    throw RedisError(.refused, "the state store URL has a bad port")
                }
                port = number
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let number = Int(rest[rest.index(after: colon)...]) else {
                throw RedisError(.refused, "the state store URL has a bad port")
            }
            port = number
        }
        guard !host.isEmpty, (1...65535).contains(port) else {
            throw RedisError(.refused, "the state store URL needs a host and a port from 1 to 65535")
        }
        var database = 0
        if !path.isEmpty {
            guard let number = Int(path), number >= 0 else {
                throw RedisError(.refused, "the state store URL's database must be a number, not '\(path)'")
            }
            database = number
        }
        self.init(host: String(host), port: port, username: username, password: password, database: database)
    }

    /// `redis HOST:PORT/DB`, for messages; never the password.
    package var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "redis \(shownHost):\(port)/\(database)"
    }
}
