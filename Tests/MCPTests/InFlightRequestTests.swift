import Testing

@testable import MCP

@Suite struct InFlightRequestTests {
    @Test("a response after a cancellation is suppressed")
    func responseAfterCancel() {
        let request = InFlightRequest()
        request.cancel()
        var sent = false
        #expect(!request.complete { sent = true })
        #expect(!sent)
        #expect(request.isCancelled)
    }

    @Test("a cancellation after the response changes nothing")
    func cancelAfterResponse() {
        let request = InFlightRequest()
        var sent = 0
        #expect(request.complete { sent += 1 })
        request.cancel()
        #expect(!request.isCancelled)
        #expect(!request.complete { sent += 1 })
        #expect(sent == 1)
    }

    @Test("progress goes out only while running and only when it increases")
    func progressGuard() {
        let request = InFlightRequest()
        var reported: [Double] = []
        for value in [1.0, 1.0, 0.5, 2.0, .nan, 3.0] { request.reportProgress(value) { reported.append(value) } }
        _ = request.complete {}
        request.reportProgress(4) { reported.append(4) }
        #expect(reported == [1, 2, 3])
    }

    @Test("cancelling cancels the attached task")
    func cancelsTask() async {
        let request = InFlightRequest()
        let started = Signal()
        let task = Task<[UInt8]?, Never> {
            started.fire()
            _ = await Signal().wait(timeout: eventTimeout)
            return Task.isCancelled ? nil : []
        }
        request.attach(task)
        _ = await started.wait(timeout: eventTimeout)
        request.cancel()
        #expect(await task.value == nil)
    }
}
