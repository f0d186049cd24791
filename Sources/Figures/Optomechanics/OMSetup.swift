import Foundation
import Optomechanics

/// What an om panel computes with: the model and the scatterer inputs of its parameter set
/// (paper defaults, the panel's settings, the user's overrides).
struct OMSetup: Sendable {
    /// The parameter set.
    let inputs: InputValues
    /// The model of those inputs.
    let model: OptomechanicalModel

    /// The setup of a computation's parameter set.
    init(_ ctx: ComputeContext) throws { try self.init(ctx.inputs) }

    /// The setup of a parameter set.
    init(_ inputs: InputValues) throws {
        self.inputs = inputs
        do { model = try OMInputs.model(inputs) } catch { throw FigureError.computation("om", "\(error)") }
    }

    /// ε/Γ.
    var epsilon: Double { inputs.value("eps_over_Gamma") }
    /// η/Γ.
    var eta: Double { inputs.value("eta_over_Gamma") }
    /// β (rad).
    var beta: Double { inputs.value("beta_rad") }
    /// m.
    var m: Int { model.parameters.azimuthalNumber }
    /// β_Im = π/(2m).
    var immuneAngle: Double { model.parameters.immuneAngle }
    /// The immune angles π/(2m) + nπ/m inside [0, π/2] (π/8 and 3π/8 for m = 4).
    var immuneAngles: [Double] {
        Array(stride(from: immuneAngle, through: Double.pi / 2, by: Double.pi / Double(m)))
    }
    /// True when the particle sits at β_Im (the curve is then called "immune").
    var particleAtImmuneAngle: Bool { abs(beta - immuneAngle) < 1e-12 }

    /// The ideal resonator (ε = η = 0): orange dashed.
    var ideal: OMCase { OMCase(series: "ideal", legend: "ideal", scatterers: .ideal, color: .named("orange"), dash: .dashed) }
    /// A defect alone (ε, η = 0): red dash-dot.
    var defect: OMCase {
        OMCase(series: "defect", legend: "defect", scatterers: Scatterers(defects: [Defect(strength: epsilon)]),
               color: .named("red"), dash: .dashDot)
    }
    /// Defect plus particle at β (β_Im by default): blue solid.
    var immune: OMCase {
        OMCase(series: "immune", legend: particleAtImmuneAngle ? "immune" : "defect + particle",
               scatterers: .defectAndParticle(epsilon: epsilon, eta: eta, beta: beta), color: .named("blue"), dash: .solid)
    }
    /// The paper's three cases (Fig. 2) in its order.
    var cases: [OMCase] { [ideal, defect, immune] }
}
