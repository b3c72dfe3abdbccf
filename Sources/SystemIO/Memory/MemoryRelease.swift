import CSystemShims
import Dispatch
import Synchronization

/// Hands memory freed after large responses back to the system, so a server that read a few
/// 20 MB bodies settles back near its idle size instead of keeping the peak for good.
///
/// glibc keeps freed heap memory for reuse; many small allocations (a parsed page) leave it
/// fragmented and resident. ``afterLargeResponse()`` asks for `malloc_trim` shortly after the call
/// that read the body ends (its values are gone by then), on a background queue, at most once at a
/// time; ``configure()`` makes every allocation of 1 MiB or more come from mmap, freed at once.
package enum MemoryRelease {
    /// Bodies at least this large are followed by a trim.
    package static let largeResponseBytes = 4 << 20

    private static let pending = Atomic<Bool>(false)
    private static let configured = Atomic<Bool>(false)

    /// Sets the process's allocator up for large transient buffers and turns trimming on; the
    /// server calls it once at start. A process that never calls it (a test runner embedding the
    /// engine) is left to its allocator's defaults: trimming the heap under code it does not own
    /// can unmap the page right after someone else's buffer.
    package static func configure() {
        _ = csystem_set_mmap_threshold(1 << 20)
        configured.store(true, ordering: .releasing)
    }

    /// Keeps `bytes` of mapped slack after the top of every heap and never trims below it: for a
    /// process that hosts code known to read a little past its buffers (Foundation's
    /// `Process.run()` on Linux reads 256 bytes past a `/proc/self/fd` entry,
    /// swift-corelibs-foundation#5472), so the read lands in mapped memory. The test runner calls it.
    package static func keepHeapSlack(_ bytes: Int = 4 << 20) {
        _ = csystem_keep_heap_slack(Int32(bytes))
    }

    /// Schedules one trim shortly from now (calls meanwhile share it); nothing unless ``configure()`` ran.
    package static func afterLargeResponse() {
        guard configured.load(ordering: .acquiring) else { return }
        guard !pending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(150)) {
            pending.store(false, ordering: .releasing)
            _ = csystem_release_free_memory()
        }
    }
}
