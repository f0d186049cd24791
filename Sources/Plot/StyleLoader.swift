import Foundation
import Yams

/// Kinds of values a style key holds.
private enum StyleKind {
    case number, string, strings, bool, color, numbers, cycle, colormap
    case choice([String])
}

/// A value read from one style file, remembering where it came from.
private struct StyleEntry {
    var node: Node
    var file: String
    var line: Int? { node.mark?.line }
}

/// Finds, parses, validates and merges style files (`base:` chains).
struct StyleLoader {
    /// Every key a style file may set, as "section.key"; "palette.*" takes any colour name.
    private static let schema: [String: StyleKind] = [
        "font.family": .string, "font.fallback": .strings, "font.tickLabelSize": .number, "font.axisLabelSize": .number,
        "font.legendSize": .number, "font.titleSize": .number,
        "figure.singleColumnWidth": .number, "figure.doubleColumnWidth": .number,
        "figure.panelAspect": .number, "figure.padding": .number, "figure.panelSpacing": .number,
        "figure.dpi": .number, "figure.maxHeight": .number,
        "colors.foreground": .color, "colors.background": .color, "colors.mask": .color,
        "colors.shade": .color, "colors.reference": .color,
        "axes.lineWidth": .number, "axes.labelPad": .number, "axes.xMargin": .number,
        "axes.yMargin": .number,
        "ticks.direction": .choice(["in", "out", "inOut"]), "ticks.mirror": .bool,
        "ticks.majorLength": .number, "ticks.minorLength": .number, "ticks.majorWidth": .number,
        "ticks.minorWidth": .number, "ticks.labelPad": .number, "ticks.minorVisible": .bool,
        "ticks.spacing": .number,
        "lines.width": .number, "lines.referenceWidth": .number, "lines.markerSize": .number,
        "lines.markerEdgeWidth": .number, "lines.dashed": .numbers, "lines.dotted": .numbers,
        "lines.dashDot": .numbers,
        "cycle": .cycle,
        "legend.framed": .bool, "legend.handleLength": .number, "legend.handleTextPad": .number,
        "legend.rowSpacing": .number, "legend.borderPad": .number,
        "heatmap.colormap": .colormap,
        "heatmap.colorbarWidth": .number, "heatmap.colorbarPad": .number,
        "panelLabel.size": .number, "panelLabel.offset": .number,
        "panelLabel.weight": .choice(["normal", "bold"]),
    ]
    private static let sections = Set(schema.keys.compactMap { $0.split(separator: ".").count == 2 ? String($0.split(separator: ".")[0]) : nil })

    /// Where names are looked up.
    let searchPath: StyleSearchPath

    init(searchPath: StyleSearchPath = .standard) {
        self.searchPath = searchPath
    }

    /// Style directories in search order.
    func searchDirectories() -> [String] { searchPath.resolvedDirectories }

    func availableNames() -> [String] {
        var names = Set<String>()
        for dir in searchDirectories() {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                if file.hasSuffix(".yaml") { names.insert(String(file.dropLast(5))) }
                if file.hasSuffix(".yml") { names.insert(String(file.dropLast(4))) }
            }
        }
        return names.sorted()
    }

    /// The file a name or path refers to.
    func resolve(_ nameOrPath: String, relativeTo dir: String? = nil) throws -> String {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            var path = nameOrPath
            if !path.hasPrefix("/"), let dir { path = (dir as NSString).appendingPathComponent(path) }
            guard FileManager.default.fileExists(atPath: path) else {
                throw PlotError.malformedStyle(file: path, line: nil, problem: "no such file")
            }
            return path
        }
        let dirs = searchDirectories()
        for dir in dirs {
            for ext in ["yaml", "yml"] {
                let path = (dir as NSString).appendingPathComponent("\(nameOrPath).\(ext)")
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        throw PlotError.unknownStyle(name: nameOrPath, available: availableNames(), searched: dirs)
    }

    func load(_ nameOrPath: String) throws -> Style {
        try load([nameOrPath], overrides: [])
    }

    /// Styles combined key by key (later ones override earlier ones; each with its `base:` chain),
    /// then `overrides` ("section.key", YAML value) as `--rc` gives them.
    func load(_ namesOrPaths: [String], overrides: [(key: String, value: String)]) throws -> Style {
        guard !namesOrPaths.isEmpty else { throw PlotError.invalidValue(what: "style list", value: "(empty)", allowed: "one or more style names or paths") }
        var entries: [String: StyleEntry] = [:]
        var names: [String] = []
        for item in namesOrPaths {
            let path = try resolve(item)
            for (key, value) in try mergedEntries(path: path, chain: []) { entries[key] = value }
            names.append(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        }
        for (key, value) in overrides {
            try entries[key] = Self.overrideEntry(key: key, value: value)
        }
        return try decode(entries, name: names.joined(separator: ","))
    }

    /// A `--rc KEY=VALUE` entry: a known key (or palette.NAME), the value parsed as YAML.
    private static func overrideEntry(key: String, value: String) throws -> StyleEntry {
        guard schema[key] != nil || (key.hasPrefix("palette.") && key.count > 8) else {
            throw PlotError.unknownStyleKey(file: "--rc", key: key, line: nil)
        }
        do {
            // A bare colour "#rrggbb" would be a YAML comment: read it as a string.
            let yaml = value.hasPrefix("#") ? "'\(value)'" : value
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PlotError.malformedStyle(file: "--rc", line: nil, problem: "'\(key)' has no value")
            }
            return StyleEntry(node: node, file: "--rc")
        } catch let error as PlotError {
            throw error
        } catch {
            throw PlotError.malformedStyle(file: "--rc", line: nil, problem: "'\(key)=\(value)' is not a YAML value")
        }
    }

    /// Every key a style may set, sorted ("palette.NAME" stands for any colour name).
    static var keys: [String] { (schema.keys + ["palette.NAME"]).sorted() }

    /// Entries of the file at `path` merged over those of its base chain.
    private func mergedEntries(path: String, chain: [String]) throws -> [String: StyleEntry] {
        let canonical = (path as NSString).standardizingPath
        if chain.contains(canonical) { throw PlotError.styleCycle(chain: chain + [canonical]) }
        let (own, base) = try parseFile(path)
        guard let base else { return own }
        let basePath = try resolve(base, relativeTo: (path as NSString).deletingLastPathComponent)
        var merged = try mergedEntries(path: basePath, chain: chain + [canonical])
        for (key, value) in own { merged[key] = value }
        return merged
    }

    /// The flattened entries of one file and its `base:` (if any); unknown keys are errors.
    private func parseFile(_ path: String) throws -> ([String: StyleEntry], String?) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PlotError.malformedStyle(file: path, line: nil, problem: "cannot read the file as UTF-8 text")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return ([:], nil) }
            root = node
        } catch let error as YamlError {
            throw PlotError.malformedStyle(file: path, line: Self.line(of: error), problem: Self.problem(of: error))
        } catch {
            throw PlotError.malformedStyle(file: path, line: nil, problem: "\(error)")
        }
        guard let mapping = root.mapping else {
            throw PlotError.malformedStyle(file: path, line: root.mark?.line, problem: "the top level must be a mapping of sections")
        }
        var entries: [String: StyleEntry] = [:]
        var base: String?
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "base":
                guard let text = value.string else {
                    throw PlotError.malformedStyle(file: path, line: value.mark?.line, problem: "'base' must be a style name or path")
                }
                base = text
            case "description":
                continue
            case "cycle":
                entries["cycle"] = StyleEntry(node: value, file: path)
            case "palette":
                guard let colors = value.mapping else {
                    throw PlotError.malformedStyle(file: path, line: value.mark?.line, problem: "'palette' must map names to colours")
                }
                for (nameNode, color) in colors {
                    entries["palette." + (nameNode.string ?? "")] = StyleEntry(node: color, file: path)
                }
            case _ where Self.sections.contains(key):
                guard let section = value.mapping else {
                    throw PlotError.malformedStyle(file: path, line: value.mark?.line, problem: "section '\(key)' must be a mapping")
                }
                for (subNode, subValue) in section {
                    let full = key + "." + (subNode.string ?? "")
                    guard Self.schema[full] != nil else {
                        throw PlotError.unknownStyleKey(file: path, key: full, line: subNode.mark?.line)
                    }
                    entries[full] = StyleEntry(node: subValue, file: path)
                }
            default:
                throw PlotError.unknownStyleKey(file: path, key: key, line: keyNode.mark?.line)
            }
        }
        return (entries, base)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
    }

    // MARK: decoding

    private func decode(_ entries: [String: StyleEntry], name: String) throws -> Style {
        let reader = EntryReader(entries: entries, style: name)
        var palette: [String: Color] = [:]
        for (key, entry) in entries where key.hasPrefix("palette.") {
            palette[String(key.dropFirst(8))] = try reader.color(entry, key: key)
        }
        return Style(
            name: name,
            fontFamily: try reader.string("font.family"),
            fontFallback: try reader.optionalStrings("font.fallback") ?? [],
            tickLabelSize: try reader.positive("font.tickLabelSize"),
            axisLabelSize: try reader.positive("font.axisLabelSize"),
            legendSize: try reader.positive("font.legendSize"),
            titleSize: try reader.positive("font.titleSize"),
            singleColumnWidth: try reader.positive("figure.singleColumnWidth"),
            doubleColumnWidth: try reader.positive("figure.doubleColumnWidth"),
            panelAspect: try reader.positive("figure.panelAspect"),
            padding: try reader.nonNegative("figure.padding"),
            panelSpacing: try reader.nonNegative("figure.panelSpacing"),
            dpi: try reader.positive("figure.dpi"),
            maxHeight: try reader.optionalPositive("figure.maxHeight"),
            foreground: try reader.color("colors.foreground"),
            background: try reader.color("colors.background"),
            maskColor: try reader.color("colors.mask"),
            shadeColor: try reader.color("colors.shade"),
            referenceColor: try reader.optionalColor("colors.reference") ?? reader.color("colors.foreground"),
            axesLineWidth: try reader.positive("axes.lineWidth"),
            axisLabelPad: try reader.nonNegative("axes.labelPad"),
            xMargin: try reader.nonNegative("axes.xMargin"),
            yMargin: try reader.nonNegative("axes.yMargin"),
            tickDirection: TickDirection(rawValue: try reader.choice("ticks.direction"))!,
            tickMirror: try reader.bool("ticks.mirror"),
            majorTickLength: try reader.nonNegative("ticks.majorLength"),
            minorTickLength: try reader.nonNegative("ticks.minorLength"),
            majorTickWidth: try reader.positive("ticks.majorWidth"),
            minorTickWidth: try reader.positive("ticks.minorWidth"),
            tickLabelPad: try reader.nonNegative("ticks.labelPad"),
            minorTicksVisible: try reader.bool("ticks.minorVisible"),
            tickSpacing: try reader.positive("ticks.spacing"),
            lineWidth: try reader.positive("lines.width"),
            referenceLineWidth: try reader.positive("lines.referenceWidth"),
            markerSize: try reader.positive("lines.markerSize"),
            markerEdgeWidth: try reader.positive("lines.markerEdgeWidth"),
            dashedPattern: try reader.dashPattern("lines.dashed"),
            dottedPattern: try reader.dashPattern("lines.dotted"),
            dashDotPattern: try reader.dashPattern("lines.dashDot"),
            cycle: try reader.cycle("cycle"),
            palette: palette,
            legendFramed: try reader.bool("legend.framed"),
            legendHandleLength: try reader.positive("legend.handleLength"),
            legendHandleTextPad: try reader.nonNegative("legend.handleTextPad"),
            legendRowSpacing: try reader.nonNegative("legend.rowSpacing"),
            legendBorderPad: try reader.nonNegative("legend.borderPad"),
            colormap: try reader.colormap("heatmap.colormap"),
            colorbarWidth: try reader.positive("heatmap.colorbarWidth"),
            colorbarPad: try reader.nonNegative("heatmap.colorbarPad"),
            panelLabelSize: try reader.positive("panelLabel.size"),
            panelLabelOffset: try reader.nonNegative("panelLabel.offset"),
            panelLabelBold: try reader.choice("panelLabel.weight") == "bold")
    }

    /// Typed access to merged entries with errors naming file, line and key.
    private struct EntryReader {
        let entries: [String: StyleEntry]
        let style: String

        func entry(_ key: String) throws -> StyleEntry {
            guard let entry = entries[key] else { throw PlotError.missingStyleKey(style: style, key: key) }
            return entry
        }

        func bad(_ entry: StyleEntry, _ key: String, _ expected: String) -> PlotError {
            .malformedStyle(file: entry.file, line: entry.line, problem: "'\(key)' must be \(expected), got '\(entry.node.string ?? "a collection")'")
        }

        func string(_ key: String) throws -> String {
            let entry = try entry(key)
            guard let value = entry.node.scalar?.string, !value.isEmpty else { throw bad(entry, key, "a string") }
            return value
        }

        func number(_ entry: StyleEntry, _ key: String) throws -> Double {
            guard entry.node.scalar != nil, let value = entry.node.float, value.isFinite else { throw bad(entry, key, "a number") }
            return value
        }

        func positive(_ key: String) throws -> Double {
            let entry = try entry(key)
            let value = try number(entry, key)
            guard value > 0 else { throw bad(entry, key, "a positive number") }
            return value
        }

        func optionalPositive(_ key: String) throws -> Double? {
            guard entries[key] != nil else { return nil }
            return try positive(key)
        }

        func nonNegative(_ key: String) throws -> Double {
            let entry = try entry(key)
            let value = try number(entry, key)
            guard value >= 0 else { throw bad(entry, key, "a number ≥ 0") }
            return value
        }

        func bool(_ key: String) throws -> Bool {
            let entry = try entry(key)
            guard entry.node.scalar != nil, let value = entry.node.bool else { throw bad(entry, key, "true or false") }
            return value
        }

        func choice(_ key: String) throws -> String {
            let entry = try entry(key)
            guard case .choice(let allowed) = StyleLoader.schema[key]!,
                  let value = entry.node.scalar?.string, allowed.contains(value) else {
                if case .choice(let allowed) = StyleLoader.schema[key]! {
                    throw bad(entry, key, "one of " + allowed.joined(separator: ", "))
                }
                throw bad(entry, key, "a choice")
            }
            return value
        }

        func color(_ entry: StyleEntry, key: String) throws -> Color {
            guard let text = entry.node.scalar?.string, let color = Color(hex: text) else {
                throw bad(entry, key, "a colour #rrggbb or #rrggbbaa")
            }
            return color
        }

        func color(_ key: String) throws -> Color { try color(try entry(key), key: key) }

        func optionalColor(_ key: String) throws -> Color? {
            guard let entry = entries[key] else { return nil }
            return try color(entry, key: key)
        }

        func optionalStrings(_ key: String) throws -> [String]? {
            guard let entry = entries[key] else { return nil }
            if let single = entry.node.scalar?.string, !single.isEmpty { return [single] }
            guard let items = entry.node.sequence else { throw bad(entry, key, "a list of font family names") }
            return try items.map { item in
                guard let text = item.scalar?.string, !text.isEmpty else { throw bad(entry, key, "a list of font family names") }
                return text
            }
        }

        /// A built-in colormap's name (NAME_r reversed) or a list of at least two colours.
        func colormap(_ key: String) throws -> Colormap {
            let entry = try entry(key)
            if let items = entry.node.sequence {
                let colors = try items.map { item -> Color in
                    guard let text = item.scalar?.string, let color = Color(hex: text) else { throw bad(entry, key, "a list of colours #rrggbb") }
                    return color
                }
                guard colors.count >= 2 else { throw bad(entry, key, "a list of at least 2 colours") }
                return try Colormap(name: "custom", colors: colors)
            }
            guard let name = entry.node.scalar?.string, let map = Colormap(rawValue: name) else {
                throw bad(entry, key, "a colormap name (" + Colormap.allCases.map(\.name).joined(separator: ", ") + ", each also NAME_r) or a list of colours")
            }
            return map
        }

        func dashPattern(_ key: String) throws -> [Double] {
            let entry = try entry(key)
            guard let items = entry.node.sequence, !items.isEmpty, items.count % 2 == 0 else {
                throw bad(entry, key, "a list of an even number of on/off lengths")
            }
            return try items.map { item in
                guard let value = item.float, value > 0, value.isFinite else { throw bad(entry, key, "positive lengths") }
                return value
            }
        }

        func cycle(_ key: String) throws -> [CycleEntry] {
            let entry = try entry(key)
            guard let items = entry.node.sequence, !items.isEmpty else {
                throw bad(entry, key, "a non-empty list of {color, dash}")
            }
            return try items.map { item in
                guard let map = item.mapping, let text = map["color"]?.string, let color = Color(hex: text) else {
                    throw PlotError.malformedStyle(file: entry.file, line: item.mark?.line, problem: "each cycle entry needs 'color: \"#rrggbb\"'")
                }
                for (k, _) in map where !["color", "dash"].contains(k.string ?? "") {
                    throw PlotError.unknownStyleKey(file: entry.file, key: "cycle." + (k.string ?? ""), line: k.mark?.line)
                }
                let dashName = map["dash"]?.string ?? "solid"
                let dashes: [String: Dash] = ["solid": .solid, "dashed": .dashed, "dotted": .dotted, "dashDot": .dashDot]
                guard let dash = dashes[dashName] else {
                    throw PlotError.malformedStyle(file: entry.file, line: map["dash"]?.mark?.line, problem: "cycle dash must be solid, dashed, dotted or dashDot, got '\(dashName)'")
                }
                return CycleEntry(color: color, dash: dash)
            }
        }
    }
}
