import FoundationEssentials
import JSON

/// One recorded HTTP exchange, one JSON line of a cassette (DESIGN.md §6):
/// `{"request": {"method", "url", "headers", "body"}, "response": {"status", "headers", "body"}}`.
///
/// Bodies are stored as JSON when they are JSON; otherwise `body` is a string and `body_format`
/// says `text` or `base64`. Headers are an object of name → value (repeated names joined by ", ").
package struct CassetteEntry: Sendable, Equatable {
    /// The request as sent (redacted).
    package var request: HTTPRequest
    /// The response as received (redacted).
    package var response: HTTPResponse

    /// Creates an entry.
    package init(request: HTTPRequest, response: HTTPResponse) {
        self.request = request
        self.response = response
    }

    /// Header names whose values are always replaced.
    package static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    /// JSON members of token responses whose values are always replaced.
    package static let secretMembers: Set<String> = ["access_token", "refresh_token", "id_token"]

    /// The entry as one cassette line, redacted with `redactor`.
    package func line(redactor: Redactor) -> String {
        let request = Self.redacted(self.request, redactor: redactor)
        var requestObject: JSONObject = [
            "method": .string(request.method), "url": .string(request.url),
            "headers": Self.headersJSON(request.headers),
        ]
        if let account = request.account { requestObject["account"] = .string(account) }
        Self.addBody(request.body ?? Data(), to: &requestObject, redactor: redactor, omitEmpty: true)
        var responseObject: JSONObject = [
            "status": .int(Int64(response.status)),
            "headers": Self.headersJSON(Self.redactedHeaders(response.headers, redactor: redactor)),
        ]
        Self.addBody(response.body, to: &responseObject, redactor: redactor, omitEmpty: false)
        return JSONValue.object(["request": .object(requestObject), "response": .object(responseObject)]).encoded()
    }

    /// The request with secret headers, secrets in the URL and secrets in the body replaced.
    package static func redacted(_ request: HTTPRequest, redactor: Redactor) -> HTTPRequest {
        var copy = request
        copy.url = redactor.redact(request.url)
        copy.headers = redactedHeaders(request.headers, redactor: redactor)
        if let body = request.body {
            copy.body = redactedBody(body, redactor: redactor)
        }
        return copy
    }

    static func redactedHeaders(_ headers: HTTPHeaders, redactor: Redactor) -> HTTPHeaders {
        HTTPHeaders(
            headers.fields.map { field in
                secretHeaders.contains(field.name.lowercased())
                    ? (field.name, Redactor.marker) : (field.name, redactor.redact(field.value))
            })
    }

    static func redactedBody(_ body: Data, redactor: Redactor) -> Data {
        if let json = try? JSONParser.parse(body) { return redactedJSON(json, redactor: redactor).encodedData() }
        if let text = String(data: body, encoding: .utf8) { return Data(redactor.redact(text).utf8) }
        return body
    }

    static func redactedJSON(_ value: JSONValue, redactor: Redactor) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    object.members.map { member in
                        if secretMembers.contains(member.key), case .string = member.value {
                            return JSONObject.Member(key: member.key, value: .string(Redactor.marker))
                        }
                        return JSONObject.Member(key: member.key, value: redactedJSON(member.value, redactor: redactor))
                    }))
        case .array(let elements): return .array(elements.map { redactedJSON($0, redactor: redactor) })
        default: return redactor.redact(value)
        }
    }

    private static func headersJSON(_ headers: HTTPHeaders) -> JSONValue {
        var object = JSONObject()
        for field in headers {
            if let existing = object[field.name]?.stringValue {
                object[field.name] = .string(existing + ", " + field.value)
            } else {
                object[field.name] = .string(field.value)
            }
        }
        return .object(object)
    }

    private static func addBody(_ body: Data, to object: inout JSONObject, redactor: Redactor, omitEmpty: Bool) {
        if body.isEmpty {
            if !omitEmpty {
                object["body"] = ""
                object["body_format"] = "text"
            }
            return
        }
        if let json = try? JSONParser.parse(body) {
            object["body"] = redactedJSON(json, redactor: redactor)
        } else if let text = String(data: body, encoding: .utf8) {
            object["body"] = .string(redactor.redact(text))
            object["body_format"] = "text"
        } else {
            object["body"] = .string(body.base64EncodedString())
            object["body_format"] = "base64"
        }
    }

    /// Reads one cassette line.
    package init(line: String) throws(CassetteError) {
        guard let value = try? JSONParser.parse(line), let request = value["request"]?.objectValue,
            let response = value["response"]?.objectValue, let method = request["method"]?.stringValue,
            let url = request["url"]?.stringValue, let status = response["status"]?.intValue
        else { throw CassetteError(message: "not a cassette entry") }
        self.request = HTTPRequest(
            method: method, url: url, headers: Self.headers(request["headers"]),
            body: request["body"].map { Self.bodyData($0, format: request["body_format"]?.stringValue) })
        self.request.account = request["account"]?.stringValue
        self.response = HTTPResponse(
            status: Int(status), headers: Self.headers(response["headers"]),
            body: response["body"].map { Self.bodyData($0, format: response["body_format"]?.stringValue) } ?? Data())
    }

    private static func headers(_ value: JSONValue?) -> HTTPHeaders {
        HTTPHeaders(value?.objectValue?.members.map { ($0.key, $0.value.plainText) } ?? [])
    }

    private static func bodyData(_ value: JSONValue, format: String?) -> Data {
        switch (format, value) {
        case ("text"?, .string(let text)): return Data(text.utf8)
        case ("base64"?, .string(let text)): return Data(base64Encoded: text) ?? Data()
        default: return value.encodedData()
        }
    }
}
