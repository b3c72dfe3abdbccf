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
public enum MemoryRelease {
    /// Bodies at least this large are followed by a trim.
    public static let largeResponseBytes = 4 << 20

    private static let pending = Atomic<Bool>(false)

    /// Sets the process's allocator up for large transient buffers; call once at start.
    public static func configure() {
        _ = csystem_set_mmap_threshold(1 << 20)
    }

    /// Schedules one trim shortly from now (calls meanwhile share it).
    public static func afterLargeResponse() {
        guard !pending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(150)) {
            pending.store(false, ordering: .releasing)
            _ = csystem_release_free_memory()
        }
    }
}
