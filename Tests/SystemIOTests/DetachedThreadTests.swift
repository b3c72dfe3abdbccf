import Dispatch
import Foundation
import Synchronization
import Testing

@testable import SystemIO

/// The pthread helper that replaced Foundation's `Thread`, and the path helper that replaced
/// `NSString.deletingLastPathComponent` in the watcher.
@Suite struct DetachedThreadTests {
    /// What the started thread saw of itself.
    private struct Observation: Sendable {
        var name: String
        var isCallersThread: Bool
    }

    /// Starts a thread named `name` and waits (bounded) for what it observed.
    private static func observe(name: String) -> Observation? {
        let caller = pthread_self()
        let seen = Mutex<Observation?>(nil)
        let done = DispatchSemaphore(value: 0)
        let started: Void? = try? DetachedThread.start(name: name) {
            let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            let observation = Observation(
                name: comm.trimmingCharacters(in: .newlines),
                isCallersThread: pthread_equal(pthread_self(), caller) != 0)
            seen.withLock { $0 = observation }
            done.signal()
        }
        guard started != nil, done.wait(timeout: .now() + 30) == .success else { return nil }
        return seen.withLock { $0 }
    }

    @Test("the body runs on a new thread that carries the given name")
    func runsNamed() throws {
        let observation = try #require(Self.observe(name: "switchyard-test"))
        #expect(observation.name == "switchyard-test")
        #expect(!observation.isCallersThread)
    }

    @Test("a name longer than the kernel keeps is cut to its first 15 bytes")
    func longNameIsCut() throws {
        let observation = try #require(Self.observe(name: "switchyard.writer.fd2"))
        #expect(observation.name == "switchyard.writ")
    }

    @Test("names are cut on UTF-8 boundaries, never inside a character's bytes")
    func kernelName() {
        #expect(DetachedThread.kernelName("short") == "short")
        #expect(DetachedThread.kernelName("exactly-fifteen") == "exactly-fifteen")
        #expect(DetachedThread.kernelName("switchyard.catalog") == "switchyard.cata")
        #expect(DetachedThread.kernelName("abcdefghijklmné") == "abcdefghijklmn")
        #expect(DetachedThread.kernelName("abcdefghijklm€") == "abcdefghijklm")
        #expect(DetachedThread.kernelName("") == "")
    }

    @Test("many threads all run their bodies")
    func manyThreads() {
        let count = Mutex(0)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<20 {
            #expect(throws: Never.self) {
                try DetachedThread.start(name: "switchyard-many") {
                    count.withLock { $0 += 1 }
                    done.signal()
                }
            }
        }
        for _ in 0..<20 { #expect(done.wait(timeout: .now() + 30) == .success) }
        #expect(count.withLock { $0 } == 20)
    }

    @Test("the watcher's parent directory matches NSString.deletingLastPathComponent")
    func parentDirectory() {
        // Inputs of one character are left out of the comparison: NSString traps on them in this toolchain.
        let paths = [
            "", "/", "/a", "/a/b", "a/b/", "a//b", "./x.json", "x/.", "/a/b//", "a/b.json", "x.json",
            "Integrations/github.json", "/work/Integrations/", "../up/file.json",
        ]
        for path in paths {
            #expect(
                IntegrationWatcher.parentDirectory(of: path) == (path as NSString).deletingLastPathComponent,
                "\(path)")
        }
        #expect(IntegrationWatcher.parentDirectory(of: "a") == "")
        #expect(IntegrationWatcher.parentDirectory(of: "a/") == "")
        #expect(IntegrationWatcher.parentDirectory(of: "//") == "/")
    }
}
