import Foundation
import WGMNumerics

/// How the steady state was obtained, for reports and tests.
public struct SolveDiagnostics: Sendable, Equatable {
    /// GMRES iterations summed over all refinement passes.
    public var iterations: Int
    /// Number of solves (the first plus the iterative-refinement corrections).
    public var passes: Int
    /// ‖L·ρ‖∞ / ‖ |L|·|ρ| ‖∞ of the returned (normalised) state: a normwise backward error.
    public var relativeResidual: Double
    /// Largest relative change of the watched moments in the last refinement pass (the error
    /// left is about this times `SteadyStateSolver.assumedContraction`).
    public var lastCorrection: Double
}

/// Steady states of the master equation (Eq. 4) for one truncation. The truncation-dependent
/// structure is built once; `solve` is then cheap and may be called from many threads.
///
/// Method: the vacuum element is fixed to 1 (this replaces the redundant trace equation), the
/// remaining cutoff⁴ − 1 equations are solved by GMRES with the `SectorPreconditioner`, and the
/// result is improved by iterative refinement with residuals computed from the sparse Liouvillian
/// until the factorial moments ⟨a1†ᵏa1ᵏ⟩ (k ≤ 4) and ⟨a2†a2⟩ would change by less than 1e-9
/// (relative) in a further pass: every refinement pass gains seven to ten digits, which is what
/// tiny moments (g4 ~ 1e-8, ⟨a†⁴a⁴⟩ ~ 1e-13) need, so a last change of up to 1e-3 already
/// leaves them converged (`assumedContraction`). Every vector of the solve represents a Hermitian
/// operator, so GMRES combines them with real coefficients and each product computes only one
/// element of each pair |i⟩⟨j|, |j⟩⟨i| (`HermitianElements`). Finally ρ is made exactly Hermitian,
/// normalised to unit trace and its residual checked.
public struct SteadyStateSolver: Sendable {
    /// Fock states per mode.
    public let cutoff: Int
    let structure: LiouvillianStructure
    /// GMRES tolerance of the first solve, relative to its right-hand side.
    public var firstTolerance = 1e-10
    /// GMRES tolerance of each refinement solve, relative to its residual.
    public var refinementTolerance = 1e-8
    /// Stop refining when the watched moments are expected to change by less than this (relative)
    /// in the next pass: the last measured change times `assumedContraction`.
    public var refinementTarget = 1e-9
    /// How much each refinement pass is assumed, at least, to shrink the moments' error: the
    /// next pass's change is predicted as the last change times this, which spares the pass that
    /// would only confirm convergence. Measured over tip positions and χ/γ = 0.1…10 at cutoffs 5
    /// and 6 (2026-12-04): successive changes shrink by 1.5e-7 at worst, usually 1e-8 or less.
    /// Set it to 1 to stop only on a measured change below `refinementTarget`.
    public var assumedContraction = 1e-6
    /// Largest number of solves.
    public var maxPasses = 6
    /// Levels ℓ = K + K' solved exactly (drive included) inside the preconditioner.
    public var exactLevels = 4

    /// Allowed cutoffs (Fock states per mode).
    public static let allowedCutoffs = 2...20

    /// Prepares the solver for `cutoff` Fock states per mode (2 ... 20).
    public init(cutoff: Int) throws {
        guard Self.allowedCutoffs.contains(cutoff) else {
            throw PhotonBlockadeError.invalidCutoff(cutoff, allowed: "an integer in \(Self.allowedCutoffs.lowerBound)...\(Self.allowedCutoffs.upperBound)")
        }
        self.cutoff = cutoff
        do { structure = try LiouvillianStructure(cutoff: cutoff) } catch {
            throw PhotonBlockadeError.numerical("building the Liouvillian structure: \(error)")
        }
    }

    /// The Liouvillian of Eq. 4 as a sparse matrix acting on density-matrix elements in the
    /// solver's order (see `TwoModeFockSpace`).
    func liouvillian(_ rates: ModelRates) -> SparseComplexMatrix { structure.liouvillian(rates) }

    /// The steady state ρ_ss (L·ρ_ss = 0, Tr ρ_ss = 1) for the given rates.
    public func solve(_ rates: ModelRates) throws -> BlockadeSteadyState {
        try rates.validate()
        let space = structure.space
        let l = structure.liouvillian(rates)
        let n = space.elementCount
        let pre: SectorPreconditioner
        do {
            pre = try SectorPreconditioner(structure: structure, matrix: l, rates: rates, exactLevels: exactLevels,
                                           hermitianInput: true)
        } catch let e as PhotonBlockadeError {
            throw e
        } catch { throw PhotonBlockadeError.numerical("\(error)") }
        // Every vector of this solve is Hermitian (`HermitianElements`): half the rows are computed.
        let hermitian = structure.hermitian
        let apply: ComplexLinearMap = { x, y in
            hermitian.multiply(l, x, into: y)
            y[0] = .zero
        }
        // Right-hand side: −L·e_vac, vacuum row dropped.
        var e0 = [Complex](repeating: .zero, count: n); e0[0] = .one
        var b = [Complex](repeating: .zero, count: n)
        e0.withUnsafeBufferPointer { p in b.withUnsafeMutableBufferPointer { apply(p, $0) } }
        for i in 0..<n { b[i] = -b[i] }
        var x = [Complex](repeating: .zero, count: n)
        var iterations = 0, passes = 0, change = Double.infinity
        var residual = b
        while passes < maxPasses {
            let tol = passes == 0 ? firstTolerance : refinementTolerance
            let result: GMRES.Result
            do {
                result = try GMRES.solve(order: n, rightHandSide: residual, relativeTolerance: tol, restart: 40,
                                         maxIterations: 2000, scalars: .real, verifyResidual: false,
                                         apply: apply, precondition: pre.apply)
            } catch { throw PhotonBlockadeError.numerical("steady-state GMRES: \(error)") }
            iterations += result.iterations; passes += 1
            if passes > 1 { change = Self.relativeMomentChange(space, correction: result.solution, state: x) }
            for i in 0..<n { x[i] += result.solution[i] }
            if change * assumedContraction <= refinementTarget { break }
            // r = b − A·x, with A·x computed from the sparse Liouvillian (row by row, so the rounding
            // error of each equation scales with that equation's own terms).
            x[0] = .zero
            var ax = [Complex](repeating: .zero, count: n)
            x.withUnsafeBufferPointer { px in ax.withUnsafeMutableBufferPointer { hermitian.multiply(l, px, into: $0) } }
            for i in 1..<n { residual[i] = b[i] - ax[i] }
            residual[0] = .zero
        }
        guard change * assumedContraction <= 1e-6 else { throw PhotonBlockadeError.refinementStalled(relativeChange: change) }
        x[0] = .one
        let density = Self.densityMatrix(space, x)
        let state = BlockadeSteadyState(cutoff: cutoff, rates: rates, density: density,
                                diagnostics: SolveDiagnostics(iterations: iterations, passes: passes,
                                                              relativeResidual: 0, lastCorrection: change))
        let r = Self.backwardError(space, hermitian, l, density)
        guard r <= 1e-11 else { throw PhotonBlockadeError.inaccurateSteadyState(relativeResidual: r) }
        var checked = state
        checked.diagnostics.relativeResidual = r
        return checked
    }

    /// max_k |Δ⟨a1†ᵏa1ᵏ⟩| / ⟨a1†ᵏa1ᵏ⟩ (k ≤ 4) and the same for ⟨a2†a2⟩, from the diagonal of
    /// the correction (both unnormalised: vacuum element 1 in the state, 0 in the correction).
    static func relativeMomentChange(_ s: TwoModeFockSpace, correction d: [Complex], state x: [Complex]) -> Double {
        var worst = 0.0
        var dm = [Double](repeating: 0, count: 6), xm = dm
        for f in 0..<s.dimension {
            let e = s.element(f, f)
            let (m, n) = s.photons(f)
            var w = 1.0
            for k in 1...4 {
                w *= Double(m - k + 1)
                if w == 0 { break }
                dm[k] += w * d[e].re; xm[k] += w * (x[e].re + d[e].re)
            }
            dm[5] += Double(n) * d[e].re; xm[5] += Double(n) * (x[e].re + d[e].re)
        }
        for k in 1...4 where xm[k] != 0 { worst = max(worst, abs(dm[k] / xm[k])) }
        // N_ccw can vanish (J = 0): measure its change against a floor far below N_cw.
        let floor = 1e-8 * abs(xm[1])
        if max(abs(xm[5]), floor) > 0 { worst = max(worst, abs(dm[5]) / max(abs(xm[5]), floor)) }
        return worst
    }

    /// The Hermitian, unit-trace density matrix (Fock index m·cutoff + n) from the element vector.
    static func densityMatrix(_ s: TwoModeFockSpace, _ x: [Complex]) -> ComplexMatrix {
        let d = s.dimension
        var rho = ComplexMatrix(rows: d, columns: d)
        for i in 0..<d { for j in 0..<d { rho[i, j] = x[s.element(i, j)] } }
        var trace = 0.0
        for i in 0..<d { trace += rho[i, i].re }
        for i in 0..<d {
            for j in i..<d {
                let v = (rho[i, j] + rho[j, i].conjugate) * (0.5 / trace)
                rho[i, j] = v; rho[j, i] = v.conjugate
            }
        }
        return rho
    }

    /// ‖L·ρ‖∞ / ‖ |L|·|ρ| ‖∞ (ρ Hermitian: see `HermitianElements.backwardError`).
    static func backwardError(_ s: TwoModeFockSpace, _ hermitian: HermitianElements, _ l: SparseComplexMatrix,
                              _ rho: ComplexMatrix) -> Double {
        var v = [Complex](repeating: .zero, count: s.elementCount)
        for i in 0..<s.dimension { for j in 0..<s.dimension { v[s.element(i, j)] = rho[i, j] } }
        return v.withUnsafeBufferPointer { hermitian.backwardError(l, $0) }
    }
}

