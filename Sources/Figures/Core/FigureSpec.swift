import Plot

/// One data panel of a paper as a value: what it shows, its parameters and grid, a computation
/// returning its data, and a plot built from that data (model → sweep → data → plot → file).
public struct FigureSpec: Sendable {
    /// The panel id from PHYSICS.md (`om-2a`, `spb-4b`): a contract, never renamed (a spec file
    /// built on a panel, `builtin: om-3a`, gives its copy an id of its own).
    public internal(set) var id: String
    /// A short title (`E_N,r versus Δ/Γ for three cases`), plain text.
    public let title: String
    /// What the panel shows, in a few sentences.
    public let summary: String
    /// The model whose inputs the panel reads.
    public let model: ModelID
    /// The panel's own settings of model inputs (on top of the paper's defaults).
    public let fixedInputs: [InputSetting]
    /// Inputs the panel sweeps (its axes and series): they cannot be overridden.
    public let sweptInputs: [String]
    /// Further fixed choices that are not model inputs (search windows, seeds), shown and hashed.
    public let parameters: [SpecParameter]
    /// Where this panel knowingly differs from the paper's printed claim (PHYSICS.md).
    public let knownDifferences: [String]
    /// The sweep grid at each quality.
    public let grid: @Sendable (Quality) -> [GridAxis]
    /// The computation: figure data from the models, at the context's quality.
    public let compute: @Sendable (ComputeContext) throws -> FigureData
    /// The plot: a panel's axes built from the data alone (no model calls here).
    public let plot: @Sendable (FigureData) throws -> Axes
    /// Page size when rendered on its own.
    public let width: FigureWidth
    /// Page height when rendered on its own.
    public let height: FigureHeight
    /// The sweep behind the computation, when it is a `SweepSpec` run by `SweepEngine` (nil:
    /// a computation of its own).
    public var sweep: SweepSpec?
    /// The finishing step run over the whole result of `sweep` (notes, extrema, extra tables):
    /// `compute` is `finish(SweepEngine.run(sweep))`; a sharded sweep is merged, then finished.
    public var finish: (@Sendable (SweepResult, ComputeContext) throws -> FigureData)?
    /// The fixed inputs are the user's (a spec file's), not the paper's: the paper's claims do not apply.
    public var fixedInputsAreUsers = false
    /// The panel letter when not read from the id (spec files' panels).
    public var panelLetter: Character?
    /// Inputs set by a spec file built on this panel (`builtin:`): applied after the panel's own
    /// settings and marked as the user's, like `--set`.
    public var userInputs: [InputSetting] = []
    /// Further plots of the same data by name, drawn only in whole figures (a paper panel that
    /// shows two maps side by side: the panel's own plot is one, a view the other).
    public let views: [String: @Sendable (FigureData) throws -> Axes]

    /// A spec.
    public init(id: String, title: String, summary: String, model: ModelID, fixedInputs: [InputSetting] = [],
                sweptInputs: [String], parameters: [SpecParameter] = [],
                knownDifferences: [String] = [], width: FigureWidth = .singleColumn, height: FigureHeight = .auto,
                grid: @escaping @Sendable (Quality) -> [GridAxis],
                compute: @escaping @Sendable (ComputeContext) throws -> FigureData,
                plot: @escaping @Sendable (FigureData) throws -> Axes,
                views: [String: @Sendable (FigureData) throws -> Axes] = [:]) {
        self.id = id; self.title = title; self.summary = summary; self.parameters = parameters
        self.model = model; self.fixedInputs = fixedInputs; self.sweptInputs = sweptInputs
        self.knownDifferences = knownDifferences; self.width = width; self.height = height
        self.grid = grid; self.compute = compute; self.plot = plot; self.views = views
    }

    /// The panel's parameter set: the paper's defaults, the panel's own settings, then the
    /// user's overrides (each checked: a known input of the panel's model, not swept, allowed value).
    public func inputs(overrides: [InputOverride] = []) throws -> InputValues {
        var base = try InputValues(model: model).setting(fixedInputs.map { ($0.name, $0.value) }, byUser: fixedInputsAreUsers)
        for s in userInputs {
            if sweptInputs.contains(s.name) { throw InputError.sweptInput(s.name, panel: id) }
            base = try base.setting(s.name, s.value, byUser: true)
        }
        return try overrides.reduce(base) { values, o in
            let input = try values.registry.input(o.name)
            if sweptInputs.contains(o.name) { throw InputError.sweptInput(o.name, panel: id) }
            return try values.setting(o.name, try input.parse(o.text), byUser: true)
        }
    }

    /// The axes of `view` (nil: the panel's own plot) built from `data`.
    public func axes(view: String?, data: FigureData) throws -> Axes {
        guard let view else { return try plot(data) }
        guard let build = views[view] else {
            throw FigureError.io("panel \(id) has no view '\(view)' (have \(views.keys.sorted()))")
        }
        return try build(data)
    }

    /// The panel letter of the id ("om-2a" → "a"), if any.
    public var letter: Character? {
        if let panelLetter { return panelLetter }
        guard let last = id.last, last.isLetter, id.dropLast().last?.isNumber == true else { return nil }
        return last
    }
}

/// One grid cell of a whole figure: a panel's own plot (view nil) or one of its named views.
public struct CompositeCell: Sendable, Equatable {
    /// The panel id.
    public let id: String
    /// The view drawn (nil: the panel's own plot).
    public let view: String?
    /// Grid row (0 at the top).
    public let row: Int
    /// Grid column (0 at the left).
    public let column: Int
    /// Grid columns covered (a schematic across a whole row).
    public let columnSpan: Int

    /// A cell showing panel `id` (or its `view`) at (row, column), `columnSpan` columns wide.
    public init(_ id: String, view: String? = nil, row: Int, column: Int, columnSpan: Int = 1) {
        self.id = id; self.view = view; self.row = row; self.column = column; self.columnSpan = max(1, columnSpan)
    }
}

/// A whole paper figure laid out like the paper: its panels (schematics included) on a grid, each panel labelled with its letter from the paper (on its first cell).
public struct CompositeSpec: Sendable {
    /// The figure id (`om-2`; a spec file built on it, `builtin: om-2`, gives its copy its own).
    public internal(set) var id: String
    /// A short title.
    public let title: String
    /// The panels, each once, with its first grid cell.
    public let panels: [(id: String, row: Int, column: Int)]
    /// Every grid cell in drawing order (a panel may fill several cells with its views).
    public let cells: [CompositeCell]
    /// Grid rows.
    public let rows: Int
    /// Grid columns.
    public let columns: Int
    /// Page width.
    public let width: FigureWidth
    /// Page height.
    public let height: FigureHeight
    /// Panels defined with the composite (a spec file's); others come from the catalog.
    public var specs: [String: FigureSpec] = [:]

    /// The spec of panel `id`: the composite's own, else the catalog's.
    public func panel(_ id: String) throws -> FigureSpec {
        if let s = specs[id] { return s }
        return try Catalog.panel(id)
    }

    /// A composite of panels placed row by row in a `rows` × `columns` grid.
    public init(id: String, title: String, panelIDs: [String], rows: Int, columns: Int,
                width: FigureWidth = .doubleColumn, height: FigureHeight = .auto) {
        self.id = id; self.title = title; self.rows = rows; self.columns = columns
        self.width = width; self.height = height
        self.panels = panelIDs.enumerated().map { (id: $1, row: $0 / columns, column: $0 % columns) }
        self.cells = panels.map { CompositeCell($0.id, row: $0.row, column: $0.column) }
    }

    /// A composite of explicitly placed cells (panels and their views) in a `rows` × `columns` grid.
    public init(id: String, title: String, cells: [CompositeCell], rows: Int, columns: Int,
                width: FigureWidth = .doubleColumn, height: FigureHeight = .auto) {
        self.id = id; self.title = title; self.rows = rows; self.columns = columns
        self.width = width; self.height = height; self.cells = cells
        var seen = Set<String>()
        self.panels = cells.filter { seen.insert($0.id).inserted }.map { (id: $0.id, row: $0.row, column: $0.column) }
    }
}
