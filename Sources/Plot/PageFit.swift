import Foundation

extension Figure {
    /// The figure on pages no taller than `maxHeight` points under `style`: the figure itself when
    /// it fits; else the layout with the widest cells of (a) its own grid on a narrower page and
    /// (b) its panels reflowed (in reading order, spans dropped) into more columns (up to 4) at
    /// the full width, each cell keeping the figure's panel aspect; else split into several
    /// pages of whole grid rows at the original column count.
    public func pages(fittingHeight maxHeight: Double, style: Style) throws -> [Figure] {
        let renderer = Renderer(style: style)
        let page = try renderer.pageSize(self)
        guard page.height > maxHeight + 0.01, panels.count > 1 else { return [self] }
        let ordered = panels.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        let aspect = cellAspect(page: page, style: style)
        func cellHeight(_ columns: Int) -> Double { page.width / Double(columns) * aspect }
        var best: (cellWidth: Double, figure: Figure)?
        if let narrowed = try narrowed(toHeight: maxHeight, page: page, aspect: aspect, renderer: renderer) {
            best = (narrowed.width / Double(columns), narrowed.figure)
        }
        for columns in max(1, self.columns)...max(self.columns, min(4, ordered.count)) {
            let rows = (ordered.count + columns - 1) / columns
            let cellWidth = page.width / Double(columns)
            if Double(rows) * cellHeight(columns) <= maxHeight + 0.01, cellWidth > (best?.cellWidth ?? 0) + 0.01 {
                best = (cellWidth, reflowed(ordered, columns: columns, aspect: aspect))
            }
        }
        if let best { return [best.figure] }
        let columns = max(1, self.columns)
        let rowsPerPage = max(1, Int((maxHeight + 0.01) / cellHeight(columns)))
        let perPage = rowsPerPage * columns
        return stride(from: 0, to: ordered.count, by: perPage).map { start in
            reflowed(Array(ordered[start..<min(start + perPage, ordered.count)]), columns: columns, aspect: aspect)
        }
    }

    /// This figure's own grid on a page narrow enough to be at most `maxHeight` tall (nil when
    /// that would leave less than a third of the width): the width scaled until the page fits.
    private func narrowed(toHeight maxHeight: Double, page: (width: Double, height: Double), aspect: Double,
                          renderer: Renderer) throws -> (figure: Figure, width: Double)? {
        var figure = self
        figure.height = .panelAspect(aspect)
        var width = page.width, height = page.height
        for _ in 0..<4 where height > maxHeight + 0.01 {
            width *= (maxHeight - 0.5) / height
            guard width >= page.width / 3 else { return nil }
            figure.width = .points(width)
            height = try renderer.pageSize(figure).height
        }
        return height <= maxHeight + 0.01 ? (figure, width) : nil
    }

    /// Height / width of one grid cell of this figure on `page`.
    private func cellAspect(page: (width: Double, height: Double), style: Style) -> Double {
        switch height {
        case .auto: return style.panelAspect
        case .panelAspect(let r): return r
        case .inches, .points: return page.height / Double(rows) / (page.width / Double(columns))
        }
    }

    private func reflowed(_ cells: [Panel], columns: Int, aspect: Double) -> Figure {
        let rows = (cells.count + columns - 1) / columns
        var figure = Figure(width: width, height: .panelAspect(aspect), rows: rows, columns: columns)
        figure.title = title
        for (k, cell) in cells.enumerated() { figure.add(cell.axes, row: k / columns, column: k % columns) }
        return figure
    }
}
