/// Small vector kernels on raw complex buffers, written out by hand so that results do not
/// depend on a threaded BLAS (sweeps must be bit-for-bit reproducible at any thread count).
enum ComplexKernels {
    /// Σ conj(a_i)·b_i.
    @inline(__always)
    static func dotc(_ a: UnsafePointer<Complex>, _ b: UnsafePointer<Complex>, _ n: Int) -> Complex {
        var re0 = 0.0, im0 = 0.0, re1 = 0.0, im1 = 0.0
        var i = 0
        while i + 1 < n {
            let x0 = a[i], y0 = b[i], x1 = a[i + 1], y1 = b[i + 1]
            re0 += x0.re * y0.re + x0.im * y0.im; im0 += x0.re * y0.im - x0.im * y0.re
            re1 += x1.re * y1.re + x1.im * y1.im; im1 += x1.re * y1.im - x1.im * y1.re
            i += 2
        }
        if i < n {
            let x0 = a[i], y0 = b[i]
            re0 += x0.re * y0.re + x0.im * y0.im; im0 += x0.re * y0.im - x0.im * y0.re
        }
        return Complex(re0 + re1, im0 + im1)
    }

    /// Re Σ conj(a_i)·b_i = Σ (a_i.re·b_i.re + a_i.im·b_i.im): the real inner product of ℂⁿ as ℝ²ⁿ.
    @inline(__always)
    static func realDot(_ a: UnsafePointer<Complex>, _ b: UnsafePointer<Complex>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0
        for i in 0..<n {
            let x = a[i], y = b[i]
            s0 += x.re * y.re; s1 += x.im * y.im
        }
        return s0 + s1
    }

    /// y ← y + α·x for a real α.
    @inline(__always)
    static func realAxpy(_ alpha: Double, _ x: UnsafePointer<Complex>, _ y: UnsafeMutablePointer<Complex>, _ n: Int) {
        for i in 0..<n {
            let v = x[i]
            y[i] = Complex(y[i].re + alpha * v.re, y[i].im + alpha * v.im)
        }
    }

    /// y ← y + α·x.
    @inline(__always)
    static func axpy(_ alpha: Complex, _ x: UnsafePointer<Complex>, _ y: UnsafeMutablePointer<Complex>, _ n: Int) {
        for i in 0..<n {
            let v = x[i]
            y[i] = Complex(y[i].re + alpha.re * v.re - alpha.im * v.im, y[i].im + alpha.re * v.im + alpha.im * v.re)
        }
    }

    /// ‖x‖₂; falls back to a scaled sum when the plain one under- or overflows.
    static func norm2(_ x: UnsafePointer<Complex>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0
        var i = 0
        while i + 1 < n {
            s0 += x[i].re * x[i].re + x[i].im * x[i].im
            s1 += x[i + 1].re * x[i + 1].re + x[i + 1].im * x[i + 1].im
            i += 2
        }
        if i < n { s0 += x[i].re * x[i].re + x[i].im * x[i].im }
        let plain = s0 + s1
        if plain.isNormal && plain < 1e300 && plain > 1e-300 { return plain.squareRoot() }
        return scaledNorm2(x, n)
    }

    /// ‖x‖₂ computed with scaling (no overflow or underflow).
    static func scaledNorm2(_ x: UnsafePointer<Complex>, _ n: Int) -> Double {
        var scale = 0.0
        for i in 0..<n { scale = Swift.max(scale, Swift.max(abs(x[i].re), abs(x[i].im))) }
        if scale == 0 || !scale.isFinite { return scale }
        let inv = 1 / scale
        var s = 0.0
        for i in 0..<n { let r = x[i].re * inv, m = x[i].im * inv; s += r * r + m * m }
        return scale * s.squareRoot()
    }
}
