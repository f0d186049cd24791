/// The physical constants both models use, SI units, from CODATA 2018 (NIST SP 961, May 2019;
/// https://physics.nist.gov/cuu/Constants). h, k_B and c are exact in the 2019 SI.
public enum PhysicalConstants {
    /// Planck constant h, J·s (exact).
    public static let planck = 6.626_070_15e-34
    /// Reduced Planck constant ħ = h / 2π, J·s.
    public static let reducedPlanck = planck / (2 * Double.pi)
    /// Boltzmann constant k_B, J/K (exact).
    public static let boltzmann = 1.380_649e-23
    /// Speed of light in vacuum c, m/s (exact).
    public static let speedOfLight = 299_792_458.0
    /// Vacuum electric permittivity ε₀, F/m (CODATA 2018 recommended value, relative
    /// uncertainty 1.5e-10).
    public static let vacuumPermittivity = 8.854_187_812_8e-12
}
