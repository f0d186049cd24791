import XCTest
@testable import Optomechanics

/// The stack scratch of one entanglement point holds every region its kernels write: an
/// overflow would write past the tuple silently, so the layout is checked here.
final class ScratchLayoutTests: XCTestCase {
    func testEveryRegionFitsAndTheSharedRegionsDoNotOverlapTheMatrices() {
        typealias S = EntanglementScratch
        XCTAssertEqual(MemoryLayout<S>.size, S.capacity * MemoryLayout<Double>.size)
        // A, D and V (36 each) come first; both alternatives start after them.
        XCTAssertEqual([S.a, S.d, S.v], [0, 36, 72])
        XCTAssertGreaterThanOrEqual(min(S.polynomial, S.covarianceWork), S.v + 36)
        // Routh–Hurwitz: polynomial 8, its work 72, Routh work 28.
        XCTAssertLessThanOrEqual(S.polynomial + 8, S.polynomialWork)
        XCTAssertLessThanOrEqual(S.polynomialWork + 72, S.routhWork)
        XCTAssertLessThanOrEqual(S.routhWork + 28, S.capacity)
        // Covariance solve (its kernel and the reduced fallback share one workspace), then Cholesky 36.
        XCTAssertLessThanOrEqual(S.covarianceWork + BlockCovarianceKernel.workspaceCount, S.cholesky)
        XCTAssertGreaterThanOrEqual(BlockCovarianceKernel.workspaceCount, CovarianceKernel.workspaceCount)
        XCTAssertLessThanOrEqual(S.cholesky + 36, S.capacity)
    }
}
