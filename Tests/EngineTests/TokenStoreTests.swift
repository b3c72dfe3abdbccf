import Engine
import Foundation
import Synchronization
import SystemIO
import TestSupport
import Testing

/// The token store: one private file per credential, replaced atomically (DESIGN.md §5 *Auth*).
@Suite struct TokenStoreTests {
    private static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    @Test("a record round-trips through the file")
    func roundTrip() throws {
        let state = try TemporaryDirectory()
        let store = TokenStore(directory: state.path, integration: "vendor", clientID: "client-1")
        #expect(store.load() == nil)
        let record = TokenStore.Record(
            refreshToken: "rt.1/abc~", environmentDigest: "00ff", accessToken: "at_1", expiresAt: 1_900_000_000.5)
        try store.save(record)
        #expect(store.load() == record)
        try store.save(TokenStore.Record(refreshToken: "rt.2/def~"))
        #expect(store.load() == TokenStore.Record(refreshToken: "rt.2/def~"))
    }

    @Test("a new state directory is created with mode 0700, the token file and its lock with mode 0600")
    func permissions() async throws {
        let root = try TemporaryDirectory()
        let directory = root.path + "/state/switchyard"
        let store = TokenStore(directory: directory, integration: "vendor", clientID: "client-1")
        try store.save(TokenStore.Record(refreshToken: "rt.1/abc~"))
        #expect(try Self.mode(directory) == 0o700)
        #expect(try Self.mode(store.path) == 0o600)
        let lock = try await FileLock.acquire(path: store.lockPath)
        lock.release()
        #expect(try Self.mode(store.lockPath) == 0o600)
    }

    @Test("a file left with a looser mode is replaced by one with mode 0600")
    func looserFileReplaced() throws {
        let state = try TemporaryDirectory()
        let store = TokenStore(directory: state.path, integration: "vendor", clientID: "client-1")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: store.path))
        chmod(store.path, 0o644)
        try store.save(TokenStore.Record(refreshToken: "rt.1/abc~"))
        #expect(try Self.mode(store.path) == 0o600)
    }

    /// What a reader saw while the store was being replaced.
    private final class ReadTally: Sendable {
        private let state = Mutex((reads: 0, torn: 0, stopped: false))
        var reads: Int { state.withLock { $0.reads } }
        var torn: Int { state.withLock { $0.torn } }
        var stopped: Bool { state.withLock { $0.stopped } }
        func count(torn: Bool) { state.withLock { $0 = ($0.reads + 1, $0.torn + (torn ? 1 : 0), $0.stopped) } }
        func stop() { state.withLock { $0.stopped = true } }
    }

    @Test("replacement is atomic: a concurrent reader always sees a whole record, and no temporary file is left")
    func atomicReplace() async throws {
        let state = try TemporaryDirectory()
        let store = TokenStore(directory: state.path, integration: "vendor", clientID: "client-1")
        try store.save(TokenStore.Record(refreshToken: "rt.0/start~", accessToken: "at_0"))
        let tally = ReadTally()
        async let reader: Void = OffPool.run {
            while !tally.stopped {
                let record = store.load()
                tally.count(torn: record?.refreshToken == nil || record?.accessToken == nil)
                usleep(200)  // frequent enough to land inside any write window, light on a 2-core machine
            }
        }
        // Keep replacing until the reader has had plenty of chances (bounded: at most 20 s).
        let written = await OffPool.run {
            let deadline = ContinuousClock.now + .seconds(20)
            var serial = 0
            while serial < 100 || (tally.reads < 100 && ContinuousClock.now < deadline) {
                serial += 1
                let padding = String(repeating: "x", count: serial * 37 % 4000)
                let record = TokenStore.Record(
                    refreshToken: "rt.\(serial)/\(padding)~", environmentDigest: "d", accessToken: "at_\(serial)",
                    expiresAt: Double(serial))
                guard (try? store.save(record)) != nil else { break }
            }
            tally.stop()
            return serial
        }
        await reader
        #expect(tally.reads >= 100)
        #expect(tally.torn == 0, "\(tally.torn) of \(tally.reads) reads saw a partial file")
        #expect(store.load()?.accessToken == "at_\(written)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: state.path)
        #expect(entries == [store.key + ".json"], "\(entries)")
    }

    @Test("an unreadable or corrupt file reads as no record")
    func corruptFile() throws {
        let state = try TemporaryDirectory()
        let store = TokenStore(directory: state.path, integration: "vendor", clientID: "client-1")
        try Data("{\"refresh_token\": \"rt.1/ab".utf8).write(to: URL(fileURLWithPath: store.path))
        #expect(store.load() == nil)
    }

    @Test("each credential (integration and client id) has its own file, named without the client id")
    func distinctCredentials() throws {
        let state = try TemporaryDirectory()
        let keys = [
            TokenStore(directory: state.path, integration: "vendor", clientID: "client-1").path,
            TokenStore(directory: state.path, integration: "vendor", clientID: "client-2").path,
            TokenStore(directory: state.path, integration: "other", clientID: "client-1").path,
        ]
        #expect(Set(keys).count == 3)
        #expect(keys.allSatisfy { !$0.contains("client-") })
    }

    @Test("the store's lock excludes a second holder until the first releases it")
    func lockExcludes() async throws {
        let state = try TemporaryDirectory()
        let path = state.path + "/vendor.lock"
        let first = try await FileLock.acquire(path: path)
        let acquired = Mutex(false)
        let second = Task {
            let lock = try await FileLock.acquire(path: path)
            acquired.withLock { $0 = true }
            lock.release()
        }
        // Give the second holder ample time to (wrongly) get the lock; nothing to wait on but time.
        try await Task.sleep(for: .milliseconds(300))
        #expect(!acquired.withLock { $0 })
        first.release()
        try await second.value
        #expect(acquired.withLock { $0 })
    }
}
