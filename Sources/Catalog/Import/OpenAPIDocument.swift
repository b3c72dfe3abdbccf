import JSON

/// A parsed OpenAPI 3.0 or 3.1 document, checked just enough to be walked safely.
///
/// Everything else is read defensively by the stages after it: a member of the wrong type is
/// skipped with a warning, never trusted.
struct OpenAPIDocument {
    /// The whole document.
    let root: JSONValue
    /// The `openapi` version string, e.g. `3.0.3`.
    let version: String
    /// The `paths` object, in document order.
    let paths: JSONObject

    /// The largest document read, in bytes: ten times the size of GitHub's full description.
    static let maximumBytes = 128 << 20

    /// Parses and checks a document.
    ///
    /// - Throws: ``ImportError/Code/unreadable`` when the bytes are not JSON,
    ///   ``ImportError/Code/unsupported`` for Swagger 2.0, YAML or anything that is not OpenAPI 3,
    ///   ``ImportError/Code/nothingImported`` when there are no paths.
    init(bytes: [UInt8]) throws(ImportError) {
        guard bytes.count <= Self.maximumBytes else {
            throw ImportError(.unreadable, "the document is larger than \(Self.maximumBytes >> 20) MiB")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            if Self.looksLikeYAML(bytes) {
                throw ImportError(.unsupported, "this looks like YAML; only JSON is read. \(Self.yamlAdvice)")
            }
            throw ImportError(.unreadable, "not JSON (\(error.reason) at byte \(error.offset)). \(Self.yamlAdvice)")
        }
        guard case .object(let top) = value else {
            throw ImportError(
                .unsupported, "not an OpenAPI document: the top level is \(value.typeName), not an object")
        }
        if let swagger = top["swagger"] {
            throw ImportError(
                .unsupported,
                "this is a Swagger \(swagger.plainText) document; only OpenAPI 3.0 and 3.1 are read. Convert it "
                    + "first, e.g. `npx swagger2openapi in.json -o out.json`")
        }
        guard let version = top["openapi"]?.stringValue else {
            throw ImportError(.unsupported, "not an OpenAPI document: no \"openapi\" version string at the top level")
        }
        guard version.hasPrefix("3.0") || version.hasPrefix("3.1") else {
            throw ImportError(.unsupported, "OpenAPI \(version) is not supported; only 3.0 and 3.1 are read")
        }
        guard let paths = top["paths"]?.objectValue, !paths.isEmpty else {
            throw ImportError(.nothingImported, "the document has no paths: nothing to import")
        }
        self.root = value
        self.version = version
        self.paths = paths
    }

    /// How to turn YAML into JSON with common tools.
    static let yamlAdvice =
        "Convert YAML first, e.g. `yq -o=json . api.yaml > api.json` or "
        + "`python3 -c 'import sys,yaml,json; json.dump(yaml.safe_load(sys.stdin), sys.stdout)' < api.yaml > api.json`"

    private static func looksLikeYAML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return head.split(separator: "\n").contains {
            $0.hasPrefix("openapi:") || $0.hasPrefix("swagger:") || $0.hasPrefix("info:") || $0.hasPrefix("paths:")
        }
    }

    /// The document's `info.title`, when it has one.
    var title: String? { root["info"]?["title"]?.stringValue }

    /// The document's `info.description`, when it has one.
    var description: String? { root["info"]?["description"]?.stringValue }

    /// `components.securitySchemes`, empty when absent.
    var securitySchemes: JSONObject { root["components"]?["securitySchemes"]?.objectValue ?? JSONObject() }
}
