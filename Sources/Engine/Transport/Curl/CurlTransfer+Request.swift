import CCurlShims
import FoundationEssentials

extension CurlTransfer {
    /// Sets every option the request and the transport's policy call for.
    ///
    /// Throws ``TransportError/Kind/invalidRequest`` for a method, URL or header that cannot be
    /// sent as given (control characters, an empty name); the message names no header value.
    func configure(for request: HTTPRequest, policy: CurlTransferPolicy) throws(TransportError) {
        try Self.validate(request)
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        // On a fresh connection libcurl never re-sends on its own (it does so only for reused ones).
        try set(CURLOPT_FRESH_CONNECT, request.requiresFreshConnection ? 1 : 0)
        if let proxy = policy.proxy {
            try set(CURLOPT_PROXY, proxy)
        } else {
            // An empty proxy and a wildcard no-proxy list: the environment's proxies never apply.
            try set(CURLOPT_PROXY, "")
            try set(CURLOPT_NOPROXY, "*")
        }
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
        try set(CURLOPT_TIMEOUT_MS, request.timeout.map(Self.milliseconds) ?? 0)
        try check(ccurl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes)))
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_PRIVATE, context))
        try installCallbacks()
        let sendsBody = try setMethod(request.method, body: request.body)
        try setHeaders(request.headers, sendsBody: sendsBody)
    }

    private func installCallbacks() throws(TransportError) {
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        try check(
            ccurl_easy_setopt_write_function(handle) { data, size, count, context in
                guard let context else { return 0 }
                let length = size * count
                let bytes = UnsafeRawBufferPointer(start: data, count: length)
                return CurlTransfer.from(context: context).receiveBody(bytes) ? length : 0
            })
        try check(
            ccurl_easy_setopt_header_function(handle) { data, size, count, context in
                guard let context else { return 0 }
                let length = size * count
                let accepted = CurlTransfer.from(context: context).receiveHeaderLine(
                    UnsafeRawBufferPointer(start: data, count: length))
                return accepted ? length : 0
            })
    }

    /// Sets the method and body; returns whether libcurl will send a body (and so its default content type).
    private func setMethod(_ method: String, body: Data?) throws(TransportError) -> Bool {
        switch (method, body) {
        case ("GET", nil):
            try set(CURLOPT_HTTPGET, 1)
            return false
        case ("HEAD", nil):
            try set(CURLOPT_NOBODY, 1)
            return false
        case ("POST", _):
            try setBody(body ?? Data())
            return true
        case (_, let body?):
            try setBody(body)
            try set(CURLOPT_CUSTOMREQUEST, method)
            return true
        case (_, nil):
            try set(CURLOPT_CUSTOMREQUEST, method)
            return false
        }
    }

    /// Copies the body so that it lives as long as the transfer, and points libcurl at the copy.
    private func setBody(_ body: Data) throws(TransportError) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(body.count, 1), alignment: 1)
        body.copyBytes(to: copy)
        requestBody = copy
        try check(ccurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_POSTFIELDS, copy.baseAddress))
    }

    private func setHeaders(_ headers: HTTPHeaders, sendsBody: Bool) throws(TransportError) {
        var lines = headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        // A bare "Name:" removes a header libcurl would add on its own.
        if headers["Expect"] == nil { lines.append("Expect:") }
        if sendsBody && headers["Content-Type"] == nil { lines.append("Content-Type:") }
        for line in lines {
            guard let list = ccurl_slist_append(headerList, line) else {
                throw TransportError(.other, "libcurl could not allocate the header list")
            }
            headerList = list
        }
        try check(ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
    }

    private func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(ccurl_easy_setopt_long(handle, option, value))
    }

    private func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(ccurl_easy_setopt_string(handle, option, value))
    }

    private func check(_ code: CURLcode) throws(TransportError) {
        guard code == CURLE_OK else { throw TransportError(curlCode: code, detail: "") }
    }

    private static func validate(_ request: HTTPRequest) throws(TransportError) {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(isTokenByte) else {
            throw TransportError(.invalidRequest, "the HTTP method is not a valid token")
        }
        guard !request.url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw TransportError(.invalidRequest, "the URL contains spaces or control characters")
        }
        for field in request.headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(isTokenByte) else {
                throw TransportError(.invalidRequest, "a header name is not a valid token")
            }
            guard !field.value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 }) else {
                throw TransportError(.invalidRequest, "the value of header \(field.name) contains a line break")
            }
        }
    }

    /// RFC 9110 `tchar`: the bytes allowed in a method or header name.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Whole milliseconds, rounded up and at least 1: libcurl reads 0 as "no limit".
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, seconds > 0 || attoseconds > 0 else { return 1 }
        let capped = min(seconds, 1_000_000_000)
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(Int(capped) * 1000 + Int(fraction), 1)
    }
}
