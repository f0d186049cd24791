import Foundation

/// The explorer's HTML: the index of figures and the page of one figure (its script builds the
/// controls from `/api/describe`).
enum Pages {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func head(_ title: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/assets/explorer.css">
        </head>
        """
    }

    /// The index: panels, whole figures and spec files, each a link to its page.
    static func index(_ pages: [FigureIndex.Page]) -> String {
        let groups = [("panel", "Panels"), ("figure", "Whole figures"), ("spec", "Spec files (--specs)")]
        let sections = groups.map { kind, heading -> String in
            let items = pages.filter { $0.kind == kind }
            guard !items.isEmpty else { return kind == "spec" ? "<section><h2>\(heading)</h2><p class=\"note\">Start with <code>--specs DIR</code> to explore your own YAML specs.</p></section>" : "" }
            let links = items.map { p in
                "<li><a href=\"/view/\(escape(p.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? p.id))\"><code>\(escape(p.id))</code></a> \(escape(p.title))</li>"
            }.joined(separator: "\n")
            return "<section><h2>\(heading)</h2><ul class=\"figure-list\">\n\(links)\n</ul></section>"
        }.joined(separator: "\n")
        return head("wgmfig serve") + """
            <body class="index"><header><h1>wgmfig serve</h1>
            <p>Every figure of the two papers, live: open one, move its inputs, export what you see.</p></header>
            <main class="index-main">\(sections)</main></body></html>
            """
    }

    /// The page of one figure.
    static func view(id: String, title: String) -> String {
        head("\(id) · wgmfig serve") + """
            <body data-id="\(escape(id))" data-state="loading">
            <header class="bar"><a href="/" class="home">wgmfig serve</a><h1><code>\(escape(id))</code> <span id="title">\(escape(title))</span></h1></header>
            <main class="view">
            <section class="figure-pane">
              <div class="toolbar">
                <label>Style <select id="style"></select></label>
                <label>Show as <select id="display"><option value="png">PNG</option><option value="svg">SVG</option></select></label>
                <span id="status" class="status">…</span>
              </div>
              <div id="figure-box" class="figure-box">
                <img id="figure" alt="the figure \(escape(id))">
                <div id="busy" class="busy" hidden><div class="spinner"></div><div><span id="busy-text">computing…</span><progress id="busy-bar" max="1"></progress></div></div>
              </div>
              <div id="error" class="error" role="alert" hidden></div>
              <div class="exports">Export this view:
                <a id="export-pdf" download>PDF</a> <a id="export-png" download>PNG</a> <a id="export-svg" download>SVG</a>
                <a id="export-csv" download>CSV</a> <select id="csv-table" title="Which table the CSV holds"></select>
                <a id="export-spec" download>YAML spec</a>
              </div>
              <p id="summary" class="summary"></p>
            </section>
            <section class="controls-pane">
              <div class="controls-head"><h2>Inputs</h2><button id="reset-all" type="button">Reset all</button></div>
              <p class="note">Drag for a draft, release for the final figure. ↺ restores the paper's value.</p>
              <div id="controls" class="controls"></div>
            </section>
            </main>
            <script src="/assets/explorer.js"></script>
            </body></html>
            """
    }

    /// A page for an id that does not exist.
    static func missing(_ message: String) -> String {
        head("wgmfig serve") + """
            <body class="index"><header><h1>wgmfig serve</h1></header>
            <main class="index-main"><p class="error">Error: \(escape(message))</p><p><a href="/">All figures</a></p></main></body></html>
            """
    }
}
