/// Where the blockade figures knowingly differ from the paper's printed claims (PHYSICS.md,
/// "Where the paper and an honest computation part ways"). Numbers behind each statement are
/// computed with the data and added to the panel's notes.
enum SPBKnownDifferences {
    /// The unstated waveguide coupling.
    static let criticalCoupling = """
        The paper does not state γex; γex = γ0 (critical coupling) is used, the only choice that \
        reproduces its quoted g2(0), g3(0), g4(0) and ℛ together.
        """
    /// Curves (master equation) against markers (weak-drive formulas).
    static let strongDrive = """
        The stated drive (P_in = 4 fW, ξ ≈ 0.06 ≈ 0.2γ) is not weak. The paper draws curves \
        (numerical) and markers (analytic, Eqs. 5–7) as agreeing; here both are drawn as computed and \
        they differ by tens of percent, more where g2(0) ≫ 1 (the computed notes give the largest \
        difference; they agree to about 1% at a tenth of the drive).
        """
    /// The analytic unconventional blockade at χ/γ = 0.5.
    static let unconventional = """
        The unconventional blockade at χ/γ = 0.5, φ = 0.21 / 0.33 µm (C20 = 0 in Eq. 5) does not \
        appear in the master equation at 4 fW: g2(0) stays near 0.85 there (it appears only below \
        about 0.04 fW).
        """
    /// N_cw and the Kerr strength.
    static let photonNumberDependsOnKerr = """
        "N_cw is independent of χ" holds only at weak drive: at 4 fW N_cw changes with χ/γ.
        """
    /// The second J = 0 position.
    static let secondBranch = """
        The l = 1 position of J = 0 is φ = 0.825 µm by the paper's own formula (the paper prints 0.82).
        """
}
