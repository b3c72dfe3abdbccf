import FoundationEssentials
import JSON

/// The question put to a person before a call that needs confirmation: what will be sent, to
/// which integration, with which arguments — and the digest that binds an answer to exactly
/// these arguments.
package struct ConfirmationPrompt: Sendable, Equatable {
    /// The tool about to be called.
    package var tool: String
    /// The integration's name.
    package var integration: String
    /// The text shown to the person.
    package var message: String
    /// The SHA-256 (hex) of the arguments' canonical JSON: an answer counts for these arguments only.
    package var argumentsDigest: String

    /// Creates a prompt from its parts.
    package init(tool: String, integration: String, message: String, argumentsDigest: String) {
        self.tool = tool
        self.integration = integration
        self.message = message
        self.argumentsDigest = argumentsDigest
    }

    /// The SHA-256 (hex) of the arguments' canonical JSON (keys sorted, no whitespace), as the
    /// audit log digests them.
    package static func digest(_ arguments: JSONObject) -> String {
        SHA256.hexDigest(JSONValue.object(arguments).encodedData(sortedKeys: true))
    }

    /// The name of the one boolean field of the confirmation form.
    package static let field = "confirm"

    /// The `elicitation/create` params asking for this confirmation (form mode): the message and a
    /// form with one required boolean, `confirm`, unticked by default. `mode` is written when
    /// `includeMode` (revisions 2025-11-25 and 2026-07-28 define it; 2025-06-18 does not).
    package func elicitationParams(includeMode: Bool) -> JSONValue {
        var params = JSONObject()
        if includeMode { params["mode"] = "form" }
        params["message"] = .string(message)
        let field: JSONObject = [
            "type": "boolean", "title": "Confirm",
            "description": .string("Send this request to \(integration) now"), "default": false,
        ]
        params["requestedSchema"] = [
            "type": "object", "properties": .object([Self.field: .object(field)]),
            "required": [.string(Self.field)],
        ]
        return .object(params)
    }

    /// The decision an `elicitation/create` result (`ElicitResult`) carries: approved only for
    /// `action: "accept"` with `content.confirm` exactly `true`; anything else declines.
    package static func decision(fromElicitResult result: JSONValue) -> ConfirmationDecision {
        switch result["action"]?.stringValue {
        case "accept":
            guard result["content"]?[field] == .bool(true) else {
                return .declined(reason: "the person did not tick the confirmation")
            }
            return .approved
        case "decline": return .declined(reason: "the person declined")
        case "cancel": return .declined(reason: "the person dismissed the question")
        default: return .declined(reason: "the client's answer was not an elicitation result")
        }
    }

    /// `text` with control and formatting characters spelled `\uXXXX`.
    package static func visible(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
