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
