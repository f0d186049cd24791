#if canImport(Glibc)
import CMalloc
#endif

/// glibc malloc's handling of large blocks, process-wide (set by the executables, never by a
/// library call).
///
/// By default glibc serves blocks from 128 KiB up with fresh `mmap` pages and returns them to the
/// kernel on `free`, so a solver that allocates its Krylov workspace per call (a steady state at
/// 5–6 Fock states per mode: two GMRES workspaces of 0.4–0.8 MiB) takes a page fault and a page
/// clearing for every 4 KiB it touches, every call. Measured with `wgmfig-bench steadystate`
/// (2026-12-04, one core): 0.38 → 0.25 ms per steady state at cutoff 5, 0.16 → 0.11 ms at 4.
public enum ProcessMemory {
    /// Serves blocks below 32 MiB from the heap and keeps up to 64 MiB of freed memory for reuse
    /// (`mallopt` M_MMAP_THRESHOLD, M_TRIM_THRESHOLD). Returns true when glibc accepted both; no
    /// effect (false) where glibc is not the allocator.
    @discardableResult
    public static func retainFreedBlocks() -> Bool {
        #if canImport(Glibc)
        return mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1 && mallopt(M_TRIM_THRESHOLD, 64 << 20) == 1
        #else
        return false
        #endif
    }
}
