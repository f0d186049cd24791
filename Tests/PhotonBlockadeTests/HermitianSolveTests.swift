import XCTest
import WGMNumerics
@testable import PhotonBlockade

/// The Hermitian shortcuts of the steady-state solve (`HermitianElements`, the mirrored
/// `SectorPreconditioner`) against the full computations they replace: the full sparse product
/// and the preconditioner that solves every block.
final class HermitianSolveTests: XCTestCase {
    let rates = { try! BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27)), detuningOverGamma1: 0.4).rates() }()

    /// A Hermitian operator |i⟩⟨j| ↦ x_ij = conj(x_ji), with no symmetry beyond that, as elements.
    func hermitianVector(_ s: TwoModeFockSpace) -> [Complex] {
        var x = [Complex](repeating: .zero, count: s.elementCount)
        for i in 0..<s.dimension {
            for j in i..<s.dimension {
                let v = i == j ? Complex(1 + sin(Double(7 * i))) : Complex(cos(Double(i + 3 * j)), sin(Double(5 * i - j)))
                x[s.element(i, j)] = v; x[s.element(j, i)] = v.conjugate
            }
        }
        return x
    }

    func maxDifference(_ a: [Complex], _ b: [Complex]) -> (absolute: Double, scale: Double) {
        (zip(a, b).map { ($0 - $1).magnitude }.max() ?? .infinity, b.map(\.magnitude).max() ?? 0)
    }

    func testPairingIsAnInvolutionAndRepresentativesCoverEachPairOnce() throws {
        for cutoff in [2, 5, 6] {
            let s = TwoModeFockSpace(cutoff: cutoff), h = HermitianElements(space: s)
            var covered = [Int](repeating: 0, count: s.elementCount)
            for e in 0..<s.elementCount { XCTAssertEqual(Int(h.mirror[Int(h.mirror[e])]), e) }
            for r in h.representatives.map(Int.init) {
                covered[r] += 1
                if Int(h.mirror[r]) != r { covered[Int(h.mirror[r])] += 1 }
            }
            XCTAssertEqual(covered, [Int](repeating: 1, count: s.elementCount), "cutoff \(cutoff)")
            // d diagonal elements and d(d − 1)/2 pairs.
            XCTAssertEqual(h.representatives.count, s.dimension * (s.dimension + 1) / 2)
        }
    }

    /// makeHermitian leaves a Hermitian vector as it is and maps x to (x + x†)/2.
    func testHermitianPartKeepsHermitianVectorsAndHalvesTheAntiHermitianOnes() throws {
        let s = TwoModeFockSpace(cutoff: 5), h = HermitianElements(space: s)
        let x = hermitianVector(s)
        var same = x
        h.makeHermitian(&same)
        XCTAssertEqual(same, x)
        // x + i·x is Hermitian + anti-Hermitian; its Hermitian part is x.
        var mixed = x.map { $0 + Complex(0, 1) * $0 }
        h.makeHermitian(&mixed)
        let (difference, scale) = maxDifference(mixed, x)
        XCTAssertLessThan(difference, 1e-15 * scale)
    }

    func testHermitianProductEqualsTheFullSparseProduct() throws {
        let structure = try LiouvillianStructure(cutoff: 6)
        let l = structure.liouvillian(rates)
        let x = hermitianVector(structure.space)
        let full = l.multiply(x)
        var half = [Complex](repeating: Complex(.nan, .nan), count: x.count)
        x.withUnsafeBufferPointer { p in half.withUnsafeMutableBufferPointer { structure.hermitian.multiply(l, p, into: $0) } }
        let (difference, scale) = maxDifference(half, full)
        XCTAssertGreaterThan(scale, 1)
        XCTAssertLessThan(difference, 1e-13 * scale)
        // The backward error from the representative rows equals the one from every row.
        let r = full.map(\.normSquared).max()!.squareRoot() / l.absoluteMultiply(x).max()!
        XCTAssertEqual(x.withUnsafeBufferPointer { structure.hermitian.backwardError(l, $0) }, r, accuracy: 1e-12 * r)
    }

    /// Both problems (the steady state: shift 0, vacuum fixed; g2(τ): shift 4γ), cutoffs 4 to 6,
    /// with the tip and without backscattering (J = 0).
    func testMirroredPreconditionerEqualsTheFullOneOnHermitianVectors() throws {
        let ideal = try BlockadeSetup(configuration: .ideal).rates()
        for cutoff in [4, 5, 6] { for rates in [rates, ideal] { for shift in [0, 4 * rates.gamma] {
        let structure = try LiouvillianStructure(cutoff: cutoff)
        let l = structure.liouvillian(rates)
        do {
            var b = hermitianVector(structure.space)
            if shift == 0 { b[0] = .zero }
            func applied(_ hermitianInput: Bool) throws -> [Complex] {
                let pre = try SectorPreconditioner(structure: structure, matrix: l, rates: rates, exactLevels: 4,
                                                   shift: shift, hermitianInput: hermitianInput)
                var x = [Complex](repeating: Complex(.nan, .nan), count: b.count)
                b.withUnsafeBufferPointer { p in x.withUnsafeMutableBufferPointer { pre.apply(p, $0) } }
                return x
            }
            let (difference, scale) = maxDifference(try applied(true), try applied(false))
            XCTAssertGreaterThan(scale, 0)
            XCTAssertLessThan(difference, 1e-12 * scale, "cutoff \(cutoff), J \(rates.coupling), shift \(shift)")
        }
        }}}
    }
}
