import ComplexModule
import Foundation
import Numerics

/// Issue 13, item 6: the hand-written `Numerics.Complex` against swift-numerics' `Complex<Double>`
/// on the operations the kernels spend their time in (a sparse-matrix-like multiply-accumulate, as
/// in the Liouvillian SpMV and the GMRES dot products, and the division of the steady-state
/// amplitudes), same data, same loop, side by side.
enum ComplexBench {
    static let count = 4096
    static let repeats = 2000

    static func run() {
        var generator = SystemRandomNumberGenerator()
        let parts = (0..<(4 * count)).map { _ in Double.random(in: -1...1, using: &generator) }
        let ours = (0..<count).map { k in (Numerics.Complex(parts[4 * k], parts[4 * k + 1]), Numerics.Complex(parts[4 * k + 2], parts[4 * k + 3])) }
        let theirs = (0..<count).map { k in (ComplexModule.Complex<Double>(parts[4 * k], parts[4 * k + 1]),
                                             ComplexModule.Complex<Double>(parts[4 * k + 2], parts[4 * k + 3])) }
        var sinkOurs = Numerics.Complex.zero, sinkTheirs = ComplexModule.Complex<Double>.zero
        let macOurs = BenchClock.best(of: 5) {
            var acc = Numerics.Complex.zero
            for _ in 0..<repeats { for (a, b) in ours { acc += a * b } }
            sinkOurs += acc
        }
        let macTheirs = BenchClock.best(of: 5) {
            var acc = ComplexModule.Complex<Double>.zero
            for _ in 0..<repeats { for (a, b) in theirs { acc += a * b } }
            sinkTheirs += acc
        }
        let divOurs = BenchClock.best(of: 5) {
            var acc = Numerics.Complex.zero
            for _ in 0..<(repeats / 4) { for (a, b) in ours { acc += a / b } }
            sinkOurs += acc
        }
        let divTheirs = BenchClock.best(of: 5) {
            var acc = ComplexModule.Complex<Double>.zero
            for _ in 0..<(repeats / 4) { for (a, b) in theirs { acc += a / b } }
            sinkTheirs += acc
        }
        let n = Double(count * repeats)
        print("complex multiply-accumulate: Numerics.Complex \(ns(macOurs / n)) | ComplexModule \(ns(macTheirs / n))"
              + " ratio \(String(format: "%.2f", macTheirs / macOurs))x")
        print("complex division: Numerics.Complex (Smith) \(ns(divOurs / (n / 4))) | ComplexModule \(ns(divTheirs / (n / 4)))"
              + " ratio \(String(format: "%.2f", divTheirs / divOurs))x"
              + " (checksums \(String(format: "%.3g", sinkOurs.re)) \(String(format: "%.3g", sinkTheirs.real)))")
    }

    static func ns(_ s: Double) -> String { String(format: "%.2f ns/op", s * 1e9) }
}
