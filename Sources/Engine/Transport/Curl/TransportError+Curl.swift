import CCurlShims

extension TransportError {
    /// Maps a failed libcurl transfer to a transport error.
    ///
    /// The message is libcurl's description of the code, followed by the transfer's error buffer
    /// when it says more; neither contains request headers or bodies.
    init(curlCode code: CURLcode, detail: String) {
        let summary = ccurl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
        let message = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
        self.init(Self.kind(of: code), message)
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
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        default:
            return .other
        }
    }
}
