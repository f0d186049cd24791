import CLapack

/// Views a buffer of `Complex` as LAPACK's complex type (identical layout: two Doubles, re then im).
@inline(__always)
func withLapackComplex<R>(_ array: inout [Complex],
                          _ body: (UnsafeMutablePointer<wgm_complex_double>) throws -> R) rethrows -> R {
    try array.withUnsafeMutableBufferPointer { buffer in
        try buffer.baseAddress!.withMemoryRebound(to: wgm_complex_double.self, capacity: buffer.count) {
            try body($0)
        }
    }
}

/// `Complex` must have the memory layout of `double[2]` for the LAPACK bridge to be valid.
let complexLayoutIsLapackCompatible: Bool =
    MemoryLayout<Complex>.size == 16 && MemoryLayout<Complex>.stride == 16
    && MemoryLayout<Complex>.offset(of: \Complex.re) == 0 && MemoryLayout<Complex>.offset(of: \Complex.im) == 8

/// LAPACKE's `lapack_int` (a C macro, so not imported): 32-bit in the LP64 OpenBLAS build.
typealias LapackInt = Int32

/// Applies getrf's row interchanges (1-based `pivots`, in order) to x: the first step of solving
/// P·A·x = b with the factors, before the two triangular solves.
@inline(__always)
func applyRowInterchanges<T>(_ pivots: [LapackInt], to x: UnsafeMutableBufferPointer<T>) {
    pivots.withUnsafeBufferPointer { pv in
        for i in 0..<x.count {
            let p = Int(pv[i]) - 1
            if p != i { x.swapAt(i, p) }
        }
    }
}
