/// A point in data coordinates.
public struct Point: Sendable, Equatable {
    /// x coordinate.
    public var x: Double
    /// y coordinate.
    public var y: Double
    /// A point at (x, y).
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// Contour lines of a gridded field by marching squares with linear interpolation along cell
/// edges; cells with a NaN corner are skipped; saddles are resolved by the cell-centre mean.
///
/// A *degenerate edge* is a grid boundary row or column on which the field equals the level
/// everywhere (|f − level| ≤ 10⁻⁹ · max(|level|, max |f|) at every finite node, e.g. η = 0, where
/// a quantity takes its reference value by construction). Marching squares would trace the level
/// along it wherever the neighbouring row lies on one side. With `skipsDegenerateEdges` each
/// node of such an edge takes the side of its inner neighbour, f_edge = level + 2⁻¹⁰ (f_inner − level)
/// (the limit of the field just inside): nothing is traced along the edge, and a curve that
/// reaches it ends directly below the inner row's crossing.
public enum MarchingSquares {
    /// Relative tolerance for a degenerate edge.
    public static let degenerateTolerance = 1e-9

    /// Polylines (joined segments) where the field equals `level`. Values are row-major: `values[iy * x.count + ix]`.
    public static func contour(x: [Double], y: [Double], values: [Double], level: Double,
                               skipsDegenerateEdges: Bool = true) -> [[Point]] {
        let nx = x.count, ny = y.count
        guard nx >= 2, ny >= 2, values.count == nx * ny else { return [] }
        let edges = skipsDegenerateEdges ? degenerateEdges(nx: nx, ny: ny, values: values, level: level) : []
        var field = values
        for edge in edges {
            for k in edge.nodes(nx: nx, ny: ny) where field[k].isFinite {
                let inner = values[edge.inner(k, nx: nx)]
                field[k] = inner.isFinite ? level + 0x1p-10 * (inner - level) : level
            }
        }
        return join(cellSegments(x: x, y: y, values: field, level: level))
    }

    /// A boundary row or column of the grid.
    enum BoundaryEdge: CaseIterable {
        case bottom, top, left, right

        /// Row-major indices of its nodes.
        func nodes(nx: Int, ny: Int) -> [Int] {
            switch self {
            case .bottom: return Array(0..<nx)
            case .top: return ((ny - 1) * nx..<(ny * nx)).map { $0 }
            case .left: return (0..<ny).map { $0 * nx }
            case .right: return (0..<ny).map { $0 * nx + nx - 1 }
            }
        }

        /// The neighbour of node `k` one step into the grid.
        func inner(_ k: Int, nx: Int) -> Int {
            switch self {
            case .bottom: return k + nx
            case .top: return k - nx
            case .left: return k + 1
            case .right: return k - 1
            }
        }
    }

    /// The boundary edges on which the field equals `level` at every finite node (at least two).
    static func degenerateEdges(nx: Int, ny: Int, values: [Double], level: Double) -> [BoundaryEdge] {
        let largest = values.lazy.filter(\.isFinite).map(abs).max() ?? 0
        let tolerance = degenerateTolerance * max(abs(level), largest)
        return BoundaryEdge.allCases.filter { edge in
            let finite = edge.nodes(nx: nx, ny: ny).map { values[$0] }.filter(\.isFinite)
            return finite.count >= 2 && finite.allSatisfy { abs($0 - level) <= tolerance }
        }
    }

    /// An edge of the grid: horizontal (between (i, j) and (i+1, j)) or vertical ((i, j)–(i, j+1)).
    private struct EdgeID: Hashable {
        var i: Int
        var j: Int
        var vertical: Bool
    }

    private struct Segment {
        var a: EdgeID
        var b: EdgeID
    }

    private static func cellSegments(x: [Double], y: [Double], values: [Double], level: Double) -> (segments: [Segment], points: [EdgeID: Point]) {
        let nx = x.count, ny = y.count
        var segments: [Segment] = []
        var points: [EdgeID: Point] = [:]
        func value(_ i: Int, _ j: Int) -> Double { values[j * nx + i] }
        func crossing(_ edge: EdgeID) -> EdgeID {
            if points[edge] == nil {
                let (i, j) = (edge.i, edge.j)
                let v0 = value(i, j)
                let v1 = edge.vertical ? value(i, j + 1) : value(i + 1, j)
                let t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0)
                points[edge] = edge.vertical
                    ? Point(x: x[i], y: y[j] + t * (y[j + 1] - y[j]))
                    : Point(x: x[i] + t * (x[i + 1] - x[i]), y: y[j])
            }
            return edge
        }
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let corners = [value(i, j), value(i + 1, j), value(i + 1, j + 1), value(i, j + 1)]
                if corners.contains(where: { $0.isNaN }) { continue }
                var index = 0
                for (bit, v) in corners.enumerated() where v >= level { index |= 1 << bit }
                if index == 0 || index == 15 { continue }
                let bottom = EdgeID(i: i, j: j, vertical: false)
                let right = EdgeID(i: i + 1, j: j, vertical: true)
                let top = EdgeID(i: i, j: j + 1, vertical: false)
                let left = EdgeID(i: i, j: j, vertical: true)
                let centreAbove = corners.reduce(0, +) / 4 >= level
                for (e0, e1) in edgePairs(index, centreAbove: centreAbove, bottom, right, top, left) {
                    segments.append(Segment(a: crossing(e0), b: crossing(e1)))
                }
            }
        }
        return (segments, points)
    }

    /// Edge pairs crossed by the level in a cell; bits: 1 bottom-left, 2 bottom-right, 4 top-right, 8 top-left.
    private static func edgePairs(_ index: Int, centreAbove: Bool, _ b: EdgeID, _ r: EdgeID, _ t: EdgeID, _ l: EdgeID) -> [(EdgeID, EdgeID)] {
        switch index {
        case 1, 14: return [(l, b)]
        case 2, 13: return [(b, r)]
        case 3, 12: return [(l, r)]
        case 4, 11: return [(r, t)]
        case 6, 9: return [(b, t)]
        case 7, 8: return [(l, t)]
        case 5: // bottom-left and top-right above
            return centreAbove ? [(l, t), (b, r)] : [(l, b), (r, t)]
        case 10: // bottom-right and top-left above
            return centreAbove ? [(l, b), (r, t)] : [(b, r), (l, t)]
        default: return []
        }
    }

    /// Joins segments sharing an edge crossing into polylines (closed loops repeat their first point).
    private static func join(_ input: (segments: [Segment], points: [EdgeID: Point])) -> [[Point]] {
        let segments = input.segments
        var byEdge: [EdgeID: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byEdge[segment.a, default: []].append(index)
            byEdge[segment.b, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        func next(from edge: EdgeID) -> (Int, EdgeID)? {
            for index in byEdge[edge] ?? [] where !used[index] {
                let segment = segments[index]
                return (index, segment.a == edge ? segment.b : segment.a)
            }
            return nil
        }
        func walk(_ start: EdgeID) -> [EdgeID] {
            var chain: [EdgeID] = []
            var edge = start
            while let (index, other) = next(from: edge) {
                used[index] = true
                chain.append(other)
                edge = other
            }
            return chain
        }
        var lines: [[Point]] = []
        // Open chains start at edges used once (grid boundary or NaN border); then closed loops.
        let starts = byEdge.filter { $0.value.count == 1 }.map(\.key).sorted { ($0.j, $0.i, $0.vertical ? 1 : 0) < ($1.j, $1.i, $1.vertical ? 1 : 0) }
        for start in starts where byEdge[start].map({ !used[$0[0]] }) ?? false {
            lines.append(([start] + walk(start)).map { input.points[$0]! })
        }
        for (index, segment) in segments.enumerated() where !used[index] {
            used[index] = true
            let chain = [segment.a, segment.b] + walk(segment.b)
            lines.append(chain.map { input.points[$0]! })
        }
        return lines
    }
}
