import CCurlShims
import FoundationEssentials

/// One HTTP exchange as libcurl runs it: an easy handle, everything its options point at, the
/// response as it arrives and the continuation of the task waiting for it.
///
/// Invariant that makes `@unchecked Sendable` sound: a transfer has one owner at a time. The
/// sending task creates and configures it, attaches its continuation and hands it to
/// ``CurlMultiLoop`` under the loop's mutex; from then on only the loop thread touches it
/// (libcurl runs its callbacks on that thread, inside `curl_multi_perform`). A transfer taken
/// back out of the queue by a cancellation before the loop saw it was never attached to the
/// multi handle, so whoever takes it out owns it alone. The loop detaches the easy handle before
/// it resumes the continuation, so the last release (and `curl_easy_cleanup`) may happen on
/// either side.
final class CurlTransfer: @unchecked Sendable {
    /// Identifies the transfer to cancellation requests.
    let id: UInt64
    /// The libcurl easy handle (`CURL *`), owned by this object.
    let handle: UnsafeMutableRawPointer
    /// The request header list handed to libcurl, freed with the transfer.
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// A private copy of the request body that libcurl reads from during the transfer.
    var requestBody: UnsafeMutableRawBufferPointer?
    /// libcurl's error buffer (`CURL_ERROR_SIZE` bytes) for the details of a failure.
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// The largest response body accepted, in bytes.
    let maxResponseBytes: Int

    private var responseHeaders = ResponseHeaderCollector()
    private var responseBody = Data()
    private var exceededLimit = false
    private var headerBytes = 0
    private var headersTooLarge = false
    private var continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>?

    /// The most bytes of response heads accepted for one transfer (interim heads included).
    static let maxHeaderBytes = 256 * 1024

    /// The size of libcurl's error buffer.
    static let errorBufferSize = Int(CURL_ERROR_SIZE)

    /// Creates an unconfigured transfer; fails only when libcurl cannot allocate a handle.
    init(id: UInt64, maxResponseBytes: Int) throws(TransportError) {
        guard let handle = ccurl_easy_init() else {
            throw TransportError(.other, "libcurl could not create a transfer handle")
        }
        self.id = id
        self.handle = handle
        self.maxResponseBytes = maxResponseBytes
        errorBuffer = .allocate(capacity: Self.errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: Self.errorBufferSize)
    }

    deinit {
        // Never expected: every path resumes before letting go. Resuming here keeps a caller
        // from waiting forever if that ever breaks.
        continuation?.resume(returning: .failure(TransportError(.cancelled, "the transfer was abandoned")))
        ccurl_easy_cleanup(handle)
        ccurl_slist_free_all(headerList)
        requestBody?.deallocate()
        errorBuffer.deallocate()
    }

    /// The pointer libcurl hands back to the callbacks and through `CURLINFO_PRIVATE`.
    ///
    /// It is unretained: the loop keeps the transfer alive while libcurl may use it.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The transfer a context pointer stands for.
    static func from(context: UnsafeMutableRawPointer) -> CurlTransfer {
        Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    }

    /// Stores the continuation to resume when the transfer ends; called once, before the handoff.
    func attach(_ continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>) {
        self.continuation = continuation
    }

    /// Resumes the waiting task with this result; later calls do nothing.
    func finish(_ result: Result<HTTPResponse, TransportError>) {
        let waiting = continuation
        continuation = nil
        waiting?.resume(returning: result)
    }

    /// The result of a transfer libcurl reported as done with this code.
    func outcome(of code: CURLcode) -> Result<HTTPResponse, TransportError> {
        if code == CURLE_OK {
            var status = 0
            let infoCode = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            guard infoCode == CURLE_OK, status > 0 else {
                return .failure(TransportError(.other, "libcurl finished without a response status"))
            }
            return .success(HTTPResponse(status: status, headers: responseHeaders.headers, body: responseBody))
        }
        if headersTooLarge {
            return .failure(
                TransportError(
                    .invalidResponse, "the vendor's response headers exceed \(Self.maxHeaderBytes / 1024) KiB"))
        }
        if exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .failure(TransportError(.tooLarge, "the response body exceeds \(maxResponseBytes) bytes"))
        }
        return .failure(TransportError(curlCode: code, detail: errorDetail))
    }

    /// The text libcurl left in the error buffer, without a trailing line break.
    private var errorDetail: String {
        var detail = String(cString: errorBuffer)
        while let last = detail.last, last.isNewline { detail.removeLast() }
        return detail
    }

    /// Appends body bytes; returns `false` (aborting the transfer) when they exceed the limit.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard responseBody.count + bytes.count <= maxResponseBytes else {
            exceededLimit = true
            return false
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    /// Takes one header line of a response head; returns `false` (aborting the transfer) once the
    /// heads exceed ``maxHeaderBytes``.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        headerBytes += bytes.count
        guard headerBytes <= Self.maxHeaderBytes else {
            headersTooLarge = true
            return false
        }
        responseHeaders.consume(bytes)
        return true
    }
}
