/// How an operation's request body goes on the wire (`body_encoding`).
package enum BodyEncoding: String, Sendable, Hashable {
    /// `application/json` (the default).
    case json
    /// `application/x-www-form-urlencoded`, nested values in bracket notation
    /// (`metadata[plan]=pro`, `items[0][price]=p_1`), as Stripe and OAuth endpoints expect.
    case form
}
