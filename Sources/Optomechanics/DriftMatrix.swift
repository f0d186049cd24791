import WGMNumerics

extension OptomechanicalModel {
    /// Writes the drift matrix A of u = (δX_r, δY_r, δX_l, δY_l, δq, δp) in units of ω_m,
    /// row-major, derived from the linearised Langevin equations (Eq. 3):
    /// δȧ_r = −(iΔ̃ + Γ)δa_r − iJ1 δa_l + iG0 α_r δq (and r ↔ l with J2), q̇ = ω_m p,
    /// ṗ = −ω_m q − γ_m p + G0 Σ_j (α_j* δa_j + α_j δa_j†). With J1 = J₋ − iJ₊, J2 = J₋ + iJ₊ this
    /// gives A13 = A24 = −J₊, A31 = A42 = +J₊, A14 = A32 = J₋, A23 = A41 = −J₋ (Eq. 9 as printed has
    /// the opposite sign on the four J₊ entries; see PHYSICS.md).
    func fillDriftMatrix(_ a: UnsafeMutablePointer<Double>, coupling: BackscatteringCoupling,
                         detuningOverGamma delta: Double, steady: OptomechanicalSteadyState) {
        let g = scaled.gamma, d = delta * g
        let j1 = coupling.j1 * g, j2 = coupling.j2 * g
        let gr = steady.couplingCW, gl = steady.couplingCCW
        // Row by row; see the doc comment for the derivation of each sign.
        a[0] = -g;        a[1] = d;         a[2] = j1.im;     a[3] = j1.re;     a[4] = -gr.im; a[5] = 0
        a[6] = -d;        a[7] = -g;        a[8] = -j1.re;    a[9] = j1.im;     a[10] = gr.re; a[11] = 0
        a[12] = j2.im;    a[13] = j2.re;    a[14] = -g;       a[15] = d;        a[16] = -gl.im; a[17] = 0
        a[18] = -j2.re;   a[19] = j2.im;    a[20] = -d;       a[21] = -g;       a[22] = gl.re; a[23] = 0
        a[24] = 0;        a[25] = 0;        a[26] = 0;        a[27] = 0;        a[28] = 0;     a[29] = 1
        a[30] = gr.re;    a[31] = gr.im;    a[32] = gl.re;    a[33] = gl.im;    a[34] = -1;    a[35] = -scaled.mechanicalDamping
    }

    /// Writes the diffusion matrix D = diag(Γ, Γ, Γ, Γ, 0, (2n_m + 1)γ_m)/ω_m, row-major
    /// (Eq. 11 with the mechanical entry of Eq. 5; the printed (n_m + ½)γ_m is half of it).
    func fillDiffusionMatrix(_ q: UnsafeMutablePointer<Double>) {
        q.update(repeating: 0, count: 36)
        for k in 0..<4 { q[7 * k] = scaled.gamma }
        q[35] = scaled.mechanicalDiffusion
    }

    /// The drift matrix A (units of ω_m) at this coupling and effective detuning Δ̃/Γ (Eq. 9,
    /// derived signs; see `fillDriftMatrix`).
    public func driftMatrix(coupling: BackscatteringCoupling, detuningOverGamma delta: Double) -> RealMatrix {
        var a = [Double](repeating: 0, count: 36)
        let steady = steadyState(coupling: coupling, detuningOverGamma: delta)
        a.withUnsafeMutableBufferPointer { fillDriftMatrix($0.baseAddress!, coupling: coupling, detuningOverGamma: delta, steady: steady) }
        return RealMatrix(rows: 6, columns: 6, rowMajor: a)
    }

    /// The diffusion matrix D (units of ω_m) of Eq. 11.
    public func diffusionMatrix() -> RealMatrix {
        var q = [Double](repeating: 0, count: 36)
        q.withUnsafeMutableBufferPointer { fillDiffusionMatrix($0.baseAddress!) }
        return RealMatrix(rows: 6, columns: 6, rowMajor: q)
    }
}

extension OptomechanicalModel {
    /// The steady-state covariance V of Eq. 11 (units: quadrature variances), or nil when the
    /// point is unstable.
    public func covariance(coupling: BackscatteringCoupling, detuningOverGamma delta: Double) -> RealMatrix? {
        let steady = steadyState(coupling: coupling, detuningOverGamma: delta)
        var scratch = EntanglementScratch()
        var pivots = PivotScratch()
        return withUnsafeMutableBytes(of: &scratch.doubles) { raw in
            withUnsafeMutableBytes(of: &pivots.ints) { rawPivots -> RealMatrix? in
                let w = raw.bindMemory(to: Double.self).baseAddress!
                fillDriftMatrix(w + EntanglementScratch.a, coupling: coupling, detuningOverGamma: delta, steady: steady)
                guard case .stable = Self.entanglement(workspace: w, pivots: rawPivots.bindMemory(to: Int.self).baseAddress!,
                                                       diffusion: self) else { return nil }
                let v = UnsafeBufferPointer(start: w + EntanglementScratch.v, count: 36)
                return RealMatrix(rows: 6, columns: 6, rowMajor: Array(v))
            }
        }
    }
}
