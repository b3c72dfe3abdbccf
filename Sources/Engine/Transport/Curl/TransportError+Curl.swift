import CCurlShims

extension TransportError {
    /// Maps a failed libcurl transfer to a transport error.
    ///
    /// The message is libcurl's description of the code, followed by the transfer's error buffer
    /// when it says more; neither contains request headers or bodies.
    init(curlCode code: CURLcode, detail: String) {
        let summary = ccurl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
        let summaryAndDetail = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
        var kind = Self.kind(of: code)
        var message = summaryAndDetail
        // libcurl reports a reply without a status line (HTTP/0.9) or with a version it does not
        // know as "unsupported protocol": the request went out fine, the answer is what is wrong.
        if code == CURLE_UNSUPPORTED_PROTOCOL, detail.contains("HTTP/0.9") || detail.contains("in response") {
            kind = .invalidResponse
        }
        // libcurl's "out of memory" on a response means a header line over its own limit.
        if code == CURLE_OUT_OF_MEMORY { message = "a response header is larger than libcurl accepts" }
        self.init(kind, message)
    }

    /// The broad class of failure a libcurl result code stands for.
    static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY,
            CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION:
            return .connectFailed
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return .connectionLost
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidRequest
        // A header line over libcurl's own limit surfaces as "out of memory"; a transfer this
        // small never truly runs out of it.
        case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING, CURLE_OUT_OF_MEMORY:
            return .invalidResponse
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        default:
            return .other
        }
    }
}
