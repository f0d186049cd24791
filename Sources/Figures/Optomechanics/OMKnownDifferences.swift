/// Where the om panels knowingly differ from the paper's printed text (PHYSICS.md), as the
/// static notes of the panels they affect.
enum OMKnownDifferences {
    /// The drift matrix is derived from Eq. 3, not taken from the printed Eq. 9.
    static let driftMatrix = "Drift matrix derived from the Langevin equations (Eq. 3): A13 = A24 = −J₊, A31 = A42 = +J₊. "
        + "The printed Eq. 9 has the opposite sign on these four J₊ entries; with it E_N breaks the β → −β symmetry "
        + "and exceeds the ideal value, contradicting the paper's own text."
    /// The mechanical diffusion is (2n_m + 1)γ_m.
    static let diffusion = "Mechanical diffusion D66 = (2n_m + 1)γ_m, as the noise correlation of Eq. 5 gives; "
        + "the printed (n_m + ½)γ_m is half of it."
    /// Unstable windows inside the paper's sweeps.
    static let unstableWindows = "For |J1| > 1.149Γ a dynamically unstable window opens on the red side "
        + "(for ε = η = Γ: β within 0.24 rad of nπ/4). The paper draws values there; here unstable points "
        + "have no entanglement: masked in heatmaps, gaps in lines, maxima over the stable part only."
    /// The Δ axis convention.
    static let detuningAxis = "Δ = Δ̃ − Δ_J with Δ_J = Re(Σε_j + η) (ideal 0, defect ε, defect + particle ε + η): "
        + "curves on the Δ axis are the Δ̃ curves shifted by the scatterers' common frequency shift."

    /// The notes of a panel showing entanglement (E_N depends on the drift and diffusion matrices).
    static let entanglement = [driftMatrix, diffusion, unstableWindows]
}
