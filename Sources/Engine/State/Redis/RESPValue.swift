/// One reply of a Redis server in the RESP2 wire format.
package enum RESPValue: Sendable, Equatable {
    /// `+OK`: a short status line.
    case simple(String)
    /// `-ERR …`: an error reply; the server is fine, the command was refused.
    case error(String)
    /// `:42`: a signed 64-bit integer.
    case integer(Int64)
    /// `$n`: a binary-safe string; `nil` for the null bulk string (`$-1`).
    case bulk([UInt8]?)
    /// `*n`: an array of replies; `nil` for the null array (`*-1`).
    case array([RESPValue]?)

    /// The reply as text: a status line, a bulk string as UTF-8, an integer in decimal; `nil` otherwise.
    package var text: String? {
        switch self {
        case .simple(let text): return text
        case .bulk(let bytes?): return String(decoding: bytes, as: UTF8.self)
        case .integer(let number): return String(number)
        default: return nil
        }
    }

    /// The integer of an integer reply (or of a bulk string holding one).
    package var integer: Int64? {
        switch self {
        case .integer(let number): return number
        case .bulk(let bytes?): return Int64(String(decoding: bytes, as: UTF8.self))
        default: return nil
        }
    }

    /// Whether the reply is a null bulk string or a null array.
    package var isNull: Bool {
        switch self {
        case .bulk(nil), .array(nil): return true
        default: return false
        }
    }

    /// The elements of an array reply.
    package var elements: [RESPValue]? {
        if case .array(let elements?) = self { return elements }
        return nil
    }

    /// The message of an error reply.
    package var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }
}
