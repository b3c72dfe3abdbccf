import JSON

/// The vendor URL of the draft: `--base-url`, else the document's first server (its `{variables}`
/// filled with their defaults), written behind a variable as `${NAME_API_URL:-https://…}`.
///
/// A relative server URL gives no default (`${NAME_API_URL}` must then be set); a plain `http://`
/// URL to a non-loopback host is upgraded to `https://`, which the integration format requires.
struct ServerURL {
    /// The default URL, without a trailing slash; `nil` when the document gives no absolute one.
    let url: String?
    /// The URL's host, for deriving a name.
    let host: String?
    /// What a person should know about the choice.
    let note: String?

    /// Chooses the URL.
    init(document: JSONValue, override: String?) {
        var note: String?
        var chosen = override
        if chosen == nil, let server = document["servers"]?[0], var text = server["url"]?.stringValue {
            for variable in server["variables"]?.objectValue ?? JSONObject() {
                if let value = variable.value["default"]?.stringValue {
                    text = text.split(separator: "{\(variable.key)}", omittingEmptySubsequences: false)
                        .joined(separator: value)
                }
            }
            chosen = text
        }
        if var text = chosen {
            while text.hasSuffix("/") { text.removeLast() }
            let lower = text.lowercased()
            if lower.hasPrefix("http://"), !IntegrationDecoder.isLoopbackURL(text) {
                text = "https://" + text.dropFirst("http://".count)
                note = "the server URL uses http://; the draft uses https:// (the format requires it)"
            }
            let absolute = text.lowercased().hasPrefix("https://") || IntegrationDecoder.isLoopbackURL(text)
            let clean = !text.contains("{") && !text.contains("}") && !text.contains("$") && !text.contains(" ")
            if absolute, clean {
                chosen = text
            } else {
                note =
                    "the server URL '\(text)' is not an absolute https:// URL; set the base URL variable or pass --base-url"
                chosen = nil
            }
        } else {
            note = "the document names no server; set the base URL variable or pass --base-url"
        }
        url = chosen
        self.note = note
        if let chosen {
            let rest = chosen.drop { $0 != "/" }.dropFirst(2)
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let hostPart = authority.split(separator: "@").last ?? authority
            host = String(hostPart.prefix { $0 != ":" })
        } else {
            host = nil
        }
    }

    /// `${PREFIX_API_URL:-url}`, or `${PREFIX_API_URL}` when there is no default.
    func placeholder(prefix: String) -> String {
        guard let url else { return "${\(prefix)_API_URL}" }
        return "${\(prefix)_API_URL:-\(url)}"
    }
}
