/// Fixed-size stack storage for one evaluation of the entanglement kernel: no heap allocation
/// in the hot loop. Layout (doubles): A 36 | D 36 | V 36 | then either the Routh–Hurwitz test
/// (polynomial 8 | polynomial work 72 | Routh work 28) or the covariance solve (covariance kernel
/// 355 | Cholesky 36), which never run on the same scratch.
typealias Double8 = (Double, Double, Double, Double, Double, Double, Double, Double)
typealias Double64 = (Double8, Double8, Double8, Double8, Double8, Double8, Double8, Double8)
typealias Int8x = (Int, Int, Int, Int, Int, Int, Int, Int)

struct EntanglementScratch {
    static let zero8: Double8 = (0, 0, 0, 0, 0, 0, 0, 0)
    static let zero64: Double64 = (zero8, zero8, zero8, zero8, zero8, zero8, zero8, zero8)
    /// 512 doubles.
    var doubles: (Double64, Double64, Double64, Double64, Double64, Double64, Double64, Double64)
    static let capacity = 512
    static let a = 0, d = 36, v = 72, polynomial = 108, polynomialWork = 116,
               routhWork = 188, covarianceWork = 108, cholesky = 108 + BlockCovarianceKernel.workspaceCount

    init() {
        let z = Self.zero64
        doubles = (z, z, z, z, z, z, z, z)
    }
}

struct PivotScratch {
    /// 24 ints (15 needed for the reduced covariance system).
    var ints: (Int8x, Int8x, Int8x)
    init() { let z: Int8x = (0, 0, 0, 0, 0, 0, 0, 0); ints = (z, z, z) }
}
