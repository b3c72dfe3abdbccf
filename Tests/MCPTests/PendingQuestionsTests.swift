import JSON
import Synchronization
import Testing

@testable import MCP

/// The table of questions the server asked a legacy client: answers reach the asker once, and
/// every way a question can end without one is told apart.
@Suite struct PendingQuestionsTests {
    @Test("ids never repeat, and an answer reaches the question it names, once")
    func answered() async throws {
        let questions = PendingQuestions()
        let first = questions.makeID()
        let second = questions.makeID()
        #expect(first != second)
        let sent = Mutex(false)
        async let answer = questions.ask(first, timeout: .seconds(20)) { sent.withLock { $0 = true } }
        try await waitUntil { sent.withLock { $0 } }
        #expect(!questions.resolve(second, with: .result(["action": "decline"])))
        #expect(questions.resolve(first, with: .result(["action": "accept"])))
        #expect(await answer == .result(["action": "accept"]))
        #expect(!questions.resolve(first, with: .result(["action": "accept"])))
    }

    @Test("no answer in time ends the question as timed out")
    func timedOut() async {
        let questions = PendingQuestions()
        let id = questions.makeID()
        #expect(await questions.ask(id, timeout: .milliseconds(10)) {} == .timedOut)
    }

    @Test("cancelling the asker withdraws a sent question; a cancelled asker sends nothing")
    func cancelled() async throws {
        let questions = PendingQuestions()
        let sent = Mutex(false)
        let task = Task {
            await questions.ask(questions.makeID(), timeout: .seconds(20)) { sent.withLock { $0 = true } }
        }
        try await waitUntil { sent.withLock { $0 } }
        task.cancel()
        #expect(await task.value == .withdrawn)

        let never = Mutex(false)
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await questions.ask(questions.makeID(), timeout: .seconds(20)) { never.withLock { $0 = true } }
        }
        #expect(await early.value == .notAsked)
        #expect(!never.withLock { $0 })
    }

    @Test("closing ends open questions and refuses new ones without sending")
    func closed() async throws {
        let questions = PendingQuestions()
        let sent = Mutex(0)
        async let open = questions.ask(questions.makeID(), timeout: .seconds(20)) { sent.withLock { $0 += 1 } }
        try await waitUntil { sent.withLock { $0 } == 1 }
        questions.closeAll()
        #expect(await open == .closed)
        #expect(await questions.ask(questions.makeID(), timeout: .seconds(20)) { sent.withLock { $0 += 1 } } == .closed)
        #expect(sent.withLock { $0 } == 1)
    }

    /// Waits (yielding, bounded to 10 s) until `condition` holds.
    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            try #require(ContinuousClock.now < deadline, "condition not met in time")
            await Task.yield()
        }
    }
}
