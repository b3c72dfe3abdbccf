import FoundationEssentials
import JSON

/// One client line of the recorded demo session, with the server lines that followed it in the
/// recording (to check the replay against).
struct DemoStep: Sendable {
    /// The client's message.
    var message: JSONValue
    /// What the server wrote in reply in the recording, in order.
    var recorded: [JSONValue]

    /// The request id, when the message is a request (notifications have none).
    var id: JSONValue? { message["id"] }
    /// The method.
    var method: String { message["method"]?.stringValue ?? "" }

    /// Reads the steps of a transcript file (`{"direction": "in"|"out", "message": …}` per line).
    static func load(transcript path: String) throws(UsageError) -> [DemoStep] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read the demo session '\(path)'")
        }
        var steps: [DemoStep] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let entry = try? JSONParser.parse(String(line)), let message = entry["message"] else {
                throw UsageError("\(path):\(number + 1): not a transcript line with a JSON message")
            }
            switch entry["direction"]?.stringValue {
            case "in": steps.append(DemoStep(message: message, recorded: []))
            case "out" where !steps.isEmpty: steps[steps.count - 1].recorded.append(message)
            default: throw UsageError("\(path):\(number + 1): unexpected transcript line")
            }
        }
        return steps
    }

    /// The message with `next_cursor` (when it passes one) replaced by `cursor`, so the demo
    /// follows the cursor this build issued rather than the recorded one.
    func passing(cursor: String?) -> JSONValue {
        guard let cursor, case .object(var object) = message, case .object(var params)? = object["params"],
            case .object(var arguments)? = params["arguments"], arguments["next_cursor"] != nil
        else { return message }
        arguments["next_cursor"] = .string(cursor)
        params["arguments"] = .object(arguments)
        object["params"] = .object(params)
        return .object(object)
    }
}
