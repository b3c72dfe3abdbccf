import Glibc

/// Starts named, detached POSIX threads for blocking work that must stay off Swift's cooperative
/// pool (inotify, `poll(2)`, file locks, pipes) — what Foundation's `Thread` did, without loading
/// Foundation.
///
/// ```swift
/// try DetachedThread.start(name: "switchyard-watch") { loop() }
/// ```
///
/// Starting can fail (the system may refuse a thread): every caller decides what that means for
/// it, and a caller waiting on the body through a continuation resumes it itself.
package enum DetachedThread {
    /// The longest name Linux keeps for a thread, in bytes (16 with the terminating NUL).
    package static let maximumNameLength = 15

    /// Runs `body` on a new detached thread named `name` (cut to ``maximumNameLength`` bytes, as
    /// the kernel keeps no more). Throws ``ThreadStartError``, without running `body`, when the
    /// system refuses to create a thread.
    package static func start(name: String, _ body: @escaping @Sendable () -> Void) throws(ThreadStartError) {
        let work = Unmanaged.passRetained(Work(name: name, body: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let result = pthread_create(
            &thread, &attributes,
            { context in
                guard let context else { return nil }
                let work = Unmanaged<Work>.fromOpaque(context).takeRetainedValue()
                DetachedThread.nameCurrentThread(work.name)
                work.body()
                return nil
            }, work)
        guard result == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            throw ThreadStartError(name: name, code: result)
        }
    }

    /// The name cut to at most ``maximumNameLength`` bytes, never inside a UTF-8 sequence.
    static func kernelName(_ name: String) -> String {
        var result = ""
        var length = 0
        for scalar in name.unicodeScalars {
            length += UTF8.width(scalar)
            guard length <= maximumNameLength else { break }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Names the calling thread with `pthread_setname_np`, which Glibc's Swift module does not
    /// export (it is a GNU extension), so it is looked up by name; without it the thread stays unnamed.
    private static func nameCurrentThread(_ name: String) {
        typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(nil, "pthread_setname_np") else { return }
        let setName = unsafeBitCast(symbol, to: SetName.self)
        _ = setName(pthread_self(), kernelName(name))
    }

    /// What a new thread runs, handed over through `pthread_create`'s context pointer.
    private final class Work: Sendable {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }
}
