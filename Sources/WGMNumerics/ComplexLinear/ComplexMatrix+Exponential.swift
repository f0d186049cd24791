import Foundation

extension ComplexMatrix {
    /// e^A by the [13/13] Padé approximant with scaling and squaring (Higham, SIAM J. Matrix
    /// Anal. Appl. 26, 1179 (2005)); meant for the small dense matrices of Krylov methods.
    public func exponential() throws -> ComplexMatrix {
        guard isSquare else { throw ComplexSolveError.dimensionMismatch("exponential of a \(rows)×\(columns) matrix") }
        guard elements.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("matrix passed to exponential") }
        let n = rows
        if n == 0 { return self }
        let theta13 = 5.371920351148152
        let norm = oneNorm
        let s = norm > theta13 ? Int(ceil(log2(norm / theta13))) : 0
        let a = s > 0 ? (1 / pow(2.0, Double(s))) * self : self
        let b: [Double] = [64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800,
                           129060195264000, 10559470521600, 670442572800, 33522128640, 1323241920,
                           40840800, 960960, 16380, 182, 1]
        let id = ComplexMatrix.identity(n)
        let a2 = a * a, a4 = a2 * a2, a6 = a4 * a2
        let u = a * (a6 * (b[13] * a6 + b[11] * a4 + b[9] * a2) + b[7] * a6 + b[5] * a4 + b[3] * a2 + b[1] * id)
        let v = a6 * (b[12] * a6 + b[10] * a4 + b[8] * a2) + b[6] * a6 + b[4] * a4 + b[2] * a2 + b[0] * id
        var r = try ComplexLU(v - u).solve(v + u)
        for _ in 0..<s { r = r * r }
        return r
    }
}
