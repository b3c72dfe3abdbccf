import Foundation

/// Starts Foundation threads for blocking work that must stay off Swift's cooperative pool.
package enum DedicatedThread {
    /// Runs `body` on a new thread with a modest stack, so hundreds of connections stay cheap.
    package static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

}
