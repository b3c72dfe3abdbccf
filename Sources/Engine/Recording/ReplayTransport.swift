import FoundationEssentials
import JSON
import Synchronization

/// Answers requests from a cassette instead of the network (DESIGN.md §6).
///
/// Each request takes the first unused exchange with the same method, URL (query order
/// ignored) and account whose recorded body, if any, equals the live body after the live request is redacted
/// the same way the recorder redacts. No match is ``TransportError/Kind/replayMiss``.
package final class ReplayTransport: HTTPTransport {
    private struct Slot {
        let method: String
        let url: String
        let body: Data?
        let account: String?
        let response: HTTPResponse
        var used = false
    }

    private let slots: Mutex<[Slot]>
    private let secrets: SecretRegistry
    /// The key the recording sealed its cursors with (``CassetteMetadata``): a replay uses it so
    /// the recorded session's cursors resume.
    package let cursorKey: [UInt8]

    /// Loads a cassette file; blank lines are skipped, a malformed line is an error naming its number.
    package init(path: String, secrets: SecretRegistry) throws(CassetteError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CassetteError(message: "cannot read recording '\(path)'")
        }
        var slots: [Slot] = []
        var recordedKey: [UInt8]?
        for (number, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            guard !line.trimmingWhitespace().isEmpty else { continue }
            if CassetteMetadata.isMetadata(line) {
                recordedKey = recordedKey ?? CassetteMetadata.cursorKey(in: line)
                continue
            }
            let entry: CassetteEntry
            do {
                entry = try CassetteEntry(line: String(line))
            } catch {
                throw CassetteError(message: "\(path):\(number + 1): \(error.message)")
            }
            slots.append(
                Slot(
                    method: entry.request.method, url: Self.normalized(entry.request.url),
                    body: entry.request.body.map(Self.canonicalBody), account: entry.request.account,
                    response: entry.response))
        }
        self.slots = Mutex(slots)
        self.secrets = secrets
        self.cursorKey = recordedKey ?? CassetteMetadata.derivedKey(ofCassette: data)
    }

    /// The recorded response for the request, or a `replayMiss` error.
    package func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let live = CassetteEntry.redacted(request, redactor: secrets.redactor())
        let url = Self.normalized(live.url)
        let body = live.body.map(Self.canonicalBody)
        let found = slots.withLock { slots -> HTTPResponse? in
            guard
                let index = slots.firstIndex(where: { slot in
                    !slot.used && slot.method == live.method && slot.url == url && slot.account == request.account
                        && (slot.body == nil || slot.body == body)
                })
            else { return nil }
            slots[index].used = true
            return slots[index].response
        }
        guard let found else {
            throw TransportError(.replayMiss, "no recorded exchange for \(live.method) \(live.url)")
        }
        if Task.isCancelled { throw TransportError(.cancelled, "cancelled") }
        return found
    }

    /// The redaction marker percent-encoded, as a placeholder credential (replay without
    /// credentials) is sent in a URL or a form body; read as the marker itself when matching.
    static let encodedMarker = PercentEncoding.queryComponent(Redactor.marker)

    /// The URL with its query pairs sorted, so parameter order does not matter, and an encoded
    /// redaction marker read as the marker the recorder wrote.
    static func normalized(_ url: String) -> String {
        let url = url.replacing(encodedMarker, with: Redactor.marker)
        guard let question = url.firstIndex(of: "?") else { return url }
        let base = url[url.startIndex..<question]
        let pairs = url[url.index(after: question)...].split(separator: "&").map(String.init).sorted()
        return base + "?" + pairs.joined(separator: "&")
    }

    /// JSON bodies compared by value (re-encoded with sorted keys); form bodies by their decoded,
    /// sorted pairs; others byte for byte — in every case after reading an encoded redaction marker
    /// (`%5BREDACTED%5D`) as the marker.
    static func canonicalBody(_ body: Data) -> Data {
        if let json = try? JSON.JSONParser.parse(body) { return json.encodedData(sortedKeys: true) }
        guard var text = String(data: body, encoding: .utf8) else { return body }
        text = text.replacing(encodedMarker, with: Redactor.marker)
        guard text.contains("="), !text.contains(where: { $0 == " " || $0 == "\n" }) else { return Data(text.utf8) }
        let pairs = text.split(separator: "&").map { pair in
            PercentEncoding.decode(String(pair.replacing("+", with: " ")))
        }
        return Data(pairs.sorted().joined(separator: "&").utf8)
    }
}
