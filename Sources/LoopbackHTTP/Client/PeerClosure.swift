import Foundation

/// How the server side of a connection ended, as `RawHTTPClient.waitForClose` observed it.
package enum PeerClosure: Sendable, Equatable {
    /// The server closed its side in order (FIN): the next read returned end of stream.
    case closed
    /// The server reset the connection (RST): the read failed with `ECONNRESET`.
    case reset
    /// Nothing happened within the timeout; the connection is still open.
    case stillOpen
    /// The server sent more bytes instead of closing.
    case receivedData(Data)
}
