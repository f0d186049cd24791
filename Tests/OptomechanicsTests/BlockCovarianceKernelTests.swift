import Foundation
import XCTest
import WGMNumerics
@testable import Optomechanics

/// The block-elimination covariance kernel against independent solves of A V + V Aᵀ = −Q:
/// LAPACK Bartels–Stewart (dgees + dtrsyl) and the reduced 15-unknown LU (`CovarianceKernel`).
final class BlockCovarianceKernelTests: XCTestCase {
    /// SplitMix64: reproducible draws without Foundation's generator.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
        mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * next() }
        mutating func complex(upTo r: Double) -> Complex { Complex.polar(r * next(), uniform(-.pi, .pi)) }
    }

    /// A with the model's structure (`fillDriftMatrix`): optical rows from Γ, Δ̃, J1, J2 and the
    /// couplings G_r, G_l; q̇ = p; ṗ = G·x − q − γ_m p.
    static func drift(gamma g: Double, detuning d: Double, j1: Complex, j2: Complex, gr: Complex, gl: Complex,
                      damping: Double) -> [Double] {
        [-g, d, j1.im, j1.re, -gr.im, 0,
         -d, -g, -j1.re, j1.im, gr.re, 0,
         j2.im, j2.re, -g, d, -gl.im, 0,
         -j2.re, j2.im, -d, -g, gl.re, 0,
         0, 0, 0, 0, 0, 1,
         gr.re, gr.im, gl.re, gl.im, -1, -damping]
    }

    /// D = diag(Γ, Γ, Γ, Γ, 0, d_m), or (general) a random symmetric Q as the refinement sees it.
    static func diffusion(_ rng: inout SplitMix, gamma g: Double, general: Bool) -> [Double] {
        var q = [Double](repeating: 0, count: 36)
        for k in 0..<4 { q[7 * k] = g }
        q[35] = rng.uniform(1e-3, 10)
        if general {
            for i in 0..<6 { for j in i..<6 { let e = rng.uniform(-1, 1); q[i * 6 + j] = e; q[j * 6 + i] = e } }
        }
        return q
    }

    /// min |λ_i + λ_j| / max |λ|: the separation of the Lyapunov operator from singularity,
    /// relative to the scale of A.
    static func relativeSeparation(_ a: RealMatrix) throws -> Double {
        let lambda = try a.eigenvalues()
        var smallest = Double.infinity, largest = 0.0
        for x in lambda {
            largest = max(largest, x.magnitude)
            for y in lambda { smallest = min(smallest, (x + y).magnitude) }
        }
        return smallest / largest
    }

    /// The block solve (no fallback) and the reduced solve of one A, Q.
    static func kernels(_ a: [Double], _ q: [Double])
        -> (block: [Double]?, reduced: [Double]?, residual: Double?, reducedResidual: Double?) {
        var block = [Double](repeating: 0, count: 36), reduced = block
        var work = [Double](repeating: 0, count: BlockCovarianceKernel.workspaceCount)
        var pivots = [Int](repeating: 0, count: 24)
        let residual = BlockCovarianceKernel.solveByBlocks(a: a, q: q, v: &block, workspace: &work, pivots: &pivots)
        let reducedResidual = CovarianceKernel.solve(a: a, q: q, v: &reduced, workspace: &work, pivots: &pivots)
        return (residual == nil ? nil : block, reducedResidual == nil ? nil : reduced, residual, reducedResidual)
    }

    static func relativeDifference(_ x: [Double], _ y: [Double]) -> Double {
        let m = RealMatrix(rows: 6, columns: 6, rowMajor: x), n = RealMatrix(rows: 6, columns: 6, rowMajor: y)
        return (m - n).frobeniusNorm / n.frobeniusNorm
    }

    /// 3000 random structured points (stable and unstable, D or a general symmetric Q, a sixth at
    /// exceptional points J1 = 0 or J2 = 0) and the paper's model at random scatterers and
    /// detunings. Both solvers are backward stable, so their forward difference is bounded by
    /// the condition of the Lyapunov operator times the unit roundoff; the operator's condition
    /// is about ‖L‖‖L⁻¹‖ ≈ max|λ|/min|λ_i + λ_j| (A is far from normal only mildly here), so the
    /// tolerance is 1e-13/separation (≈ 450 u × condition), and points with separation < 1e-9
    /// (numerically singular) are skipped. The block solve must also reach the kernel's own
    /// residual target (refinement at 1e-13) to 1e-12, or near singularity (separation ~1e-7,
    /// where the reduced LU itself reaches only ~1e-11) stay within 10× of the reduced residual.
    func testBlockKernelAgreesWithBartelsStewartAndReducedSolve() throws {
        var rng = SplitMix(state: 20261204)
        var stable = 0, unstable = 0, exceptional = 0, worstBS = 0.0, worstReduced = 0.0, worstResidual = 0.0
        for k in 0..<3000 {
            let g = rng.uniform(0.02, 2)
            var j1 = rng.complex(upTo: 3), j2 = rng.complex(upTo: 3)
            let isExceptional = k % 6 == 0
            if isExceptional { if k % 12 == 0 { j1 = .zero } else { j2 = .zero } }
            let a = Self.drift(gamma: g, detuning: rng.uniform(-5, 5), j1: j1, j2: j2, gr: rng.complex(upTo: 1),
                               gl: rng.complex(upTo: 1), damping: rng.uniform(1e-6, 0.1))
            let q = Self.diffusion(&rng, gamma: g, general: k % 2 == 1)
            let am = RealMatrix(rows: 6, columns: 6, rowMajor: a)
            let separation = try Self.relativeSeparation(am)
            guard separation > 1e-9 else { continue }
            if isExceptional { exceptional += 1 }   // counted only when compared
            if try am.eigenvalues().allSatisfy({ $0.re < 0 }) { stable += 1 } else { unstable += 1 }
            let (block, reduced, residual, reducedResidual) = Self.kernels(a, q)
            let reference = try Lyapunov.solveBartelsStewart(am, RealMatrix(rows: 6, columns: 6, rowMajor: q)).rowMajorElements
            guard let block, let reduced, let residual, let reducedResidual else { XCTFail("point \(k): a solver failed"); continue }
            let tolerance = 1e-13 / separation
            let dBS = Self.relativeDifference(block, reference), dReduced = Self.relativeDifference(block, reduced)
            XCTAssertLessThan(dBS, tolerance, "point \(k) separation \(separation)")
            XCTAssertLessThan(dReduced, tolerance, "point \(k) separation \(separation)")
            XCTAssertLessThan(residual, max(1e-12, 10 * reducedResidual), "point \(k)")
            worstBS = max(worstBS, dBS * separation); worstReduced = max(worstReduced, dReduced * separation)
            worstResidual = max(worstResidual, residual)
        }
        XCTAssertGreaterThan(stable, 300); XCTAssertGreaterThan(unstable, 300); XCTAssertGreaterThan(exceptional, 400)
        print("block kernel: \(stable) stable, \(unstable) unstable; max diff·separation vs Bartels–Stewart \(worstBS), "
              + "vs reduced \(worstReduced); max residual \(worstResidual)")
    }

    /// The paper's model: the full point (block kernel with its fallback) agrees with the reduced
    /// solve in stability and E_N over random scatterers and detunings, unstable windows included.
    func testPaperPointsAgreeWithReducedSolve() throws {
        var rng = SplitMix(state: 42)
        let model = OptomechanicalModel.paper
        var stable = 0, unstable = 0
        for _ in 0..<1500 {
            let scatterers = Scatterers.defectAndParticle(epsilon: rng.uniform(0, 2), eta: rng.uniform(0, 2.5),
                                                          beta: rng.uniform(0, .pi / 2))
            let coupling = model.coupling(scatterers), delta = rng.uniform(-3, 8)
            var a = [Double](repeating: 0, count: 36), q = a
            let steady = model.steadyState(coupling: coupling, detuningOverGamma: delta)
            model.fillDriftMatrix(&a, coupling: coupling, detuningOverGamma: delta, steady: steady)
            model.fillDiffusionMatrix(&q)
            let (block, reduced, _, _) = Self.kernels(a, q)
            let point = model.point(coupling: coupling, detuningOverGamma: delta)
            XCTAssertEqual(block == nil, reduced == nil)
            if let block, let reduced {
                let separation = try Self.relativeSeparation(RealMatrix(rows: 6, columns: 6, rowMajor: a))
                XCTAssertLessThan(Self.relativeDifference(block, reduced), max(1e-13 / separation, 1e-12))
            }
            if point.isStable { stable += 1 } else { unstable += 1 }
            var reducedV = [Double](repeating: 0, count: 36)
            if let reduced { reducedV = reduced }
            let reducedStable = reduced != nil && RealCholesky.isPositiveDefinite(RealMatrix(rows: 6, columns: 6, rowMajor: reducedV))
            XCTAssertEqual(point.isStable, reducedStable, "ε η β Δ̃ = \(scatterers) \(delta)")
        }
        XCTAssertGreaterThan(stable, 300); XCTAssertGreaterThan(unstable, 100)
    }
}
