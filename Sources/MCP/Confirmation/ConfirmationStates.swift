import FoundationEssentials
import JSON
import Synchronization

/// Mints and redeems the `requestState` of a 2026-07-28 confirmation: a sealed token that binds
/// the tool, the digest of the arguments and an expiry, and that opens at most once in this process.
///
/// The token is a ``TokenSealer`` seal (HMAC-SHA-256) under its own purpose, so a list cursor
/// cannot pass for request state. Single use is kept by a set of the nonces already redeemed,
/// pruned of those past their expiry; it is per process, which is what a stdio server is.
final class ConfirmationStates: Sendable {
    /// Why a presented state was refused.
    enum Refusal: Error, Equatable {
        /// Not a token this server sealed (mangled, forged, sealed under another key or purpose).
        case invalid
        /// Sealed for another tool or other arguments.
        case mismatch
        /// Past its expiry.
        case expired
        /// Already redeemed once.
        case replayed

        /// The -32602 message.
        var message: String {
            switch self {
            case .invalid: return "requestState is not one this server issued"
            case .mismatch: return "requestState was issued for another tool or other arguments"
            case .expired: return "requestState has expired; call the tool again without it"
            case .replayed: return "requestState was already used; call the tool again without it"
            }
        }
    }

    /// The purpose the sealer signs request state under.
    static let purpose = "request-state/confirm"
    private static let payloadVersion: Int64 = 1

    private let sealer: TokenSealer
    private let lifetime: Duration
    private let now: @Sendable () -> Date
    private let redeemed = Mutex<[String: Date]>([:])

    /// Creates the store; states live `lifetime` from minting, measured by `now`.
    init(sealer: TokenSealer, lifetime: Duration, now: @escaping @Sendable () -> Date) {
        self.sealer = sealer
        self.lifetime = lifetime
        self.now = now
    }

    /// A fresh state for confirming `prompt`.
    func mint(for prompt: ConfirmationPrompt) -> String {
        let seconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        let expiry = now().addingTimeInterval(seconds)
        var generator = SystemRandomNumberGenerator()
        let nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let payload: JSONObject = [
            "v": .int(Self.payloadVersion), "tool": .string(prompt.tool), "args": .string(prompt.argumentsDigest),
            "exp": .int(Int64((expiry.timeIntervalSince1970 * 1000).rounded(.down))),
            "nonce": .string(SHA256.hexDigest(nonce)),
        ]
        return sealer.seal(Array(JSONValue.object(payload).encoded().utf8), purpose: Self.purpose)
    }

    /// Redeems `token` for a call of `tool` with arguments digesting to `digest`: checks the seal,
    /// the binding and the expiry, then marks it used. Nothing is marked when a check fails.
    func redeem(_ token: String, tool: String, digest: String) -> Result<Void, Refusal> {
        guard let payload = sealer.open(token, purpose: Self.purpose),
            let value = try? JSONParser.parse(payload), value["v"]?.intValue == Self.payloadVersion,
            let sealedTool = value["tool"]?.stringValue, let sealedDigest = value["args"]?.stringValue,
            let expiry = value["exp"]?.intValue, let nonce = value["nonce"]?.stringValue
        else { return .failure(.invalid) }
        guard sealedTool == tool, sealedDigest == digest else { return .failure(.mismatch) }
        let moment = now()
        let expires = Date(timeIntervalSince1970: Double(expiry) / 1000)
        guard moment < expires else { return .failure(.expired) }
        return redeemed.withLock { used -> Result<Void, Refusal> in
            used = used.filter { $0.value > moment }
            guard used[nonce] == nil else { return .failure(.replayed) }
            used[nonce] = expires
            return .success(())
        }
    }
}
