/// One Redis command and its arguments, sent as a RESP array of bulk strings (binary safe: no
/// argument can smuggle a second command).
package struct RedisCommand: Sendable, Equatable {
    /// The command name and its arguments, as sent.
    package var arguments: [[UInt8]]

    /// A command from text arguments: `RedisCommand("SET", key, value, "NX")`.
    package init(_ arguments: String...) {
        self.arguments = arguments.map { Array($0.utf8) }
    }

    /// A command from text arguments.
    package init(_ arguments: [String]) {
        self.arguments = arguments.map { Array($0.utf8) }
    }

    /// The command's bytes on the wire.
    package var encoded: [UInt8] {
        var bytes = Array("*\(arguments.count)\r\n".utf8)
        for argument in arguments {
            bytes += Array("$\(argument.count)\r\n".utf8)
            bytes += argument
            bytes += [13, 10]
        }
        return bytes
    }

    /// The command name alone, for messages (arguments may be secrets and are never shown).
    package var name: String {
        arguments.first.map { String(decoding: $0, as: UTF8.self).uppercased() } ?? ""
    }
}
