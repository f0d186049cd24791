import Figures
import Foundation

/// The pages the explorer serves: every built-in panel and whole figure, and every spec file
/// directly in the specs folder. Spec files are looked up by exact file name among the folder's
/// entries (never by joining a request's text to a path), so no request reaches another file.
public struct FigureIndex: Sendable {
    /// One page.
    public struct Page: Sendable, Equatable, Codable {
        /// The page id: a catalog id, or a spec file's name (`my-sweep.yaml`).
        public let id: String
        /// The title.
        public let title: String
        /// `panel`, `figure` or `spec`.
        public let kind: String
    }

    /// The specs folder (nil: none).
    public let specsDirectory: URL?

    /// An index over the catalog and `specsDirectory`.
    public init(specsDirectory: URL?) { self.specsDirectory = specsDirectory?.standardizedFileURL }

    /// Every page: panels, whole figures (paper order), then spec files by name.
    public func pages() -> [Page] {
        let builtIn = Catalog.ids.compactMap { id -> Page? in
            guard let e = try? Catalog.entry(id) else { return nil }
            if case .panel = e { return Page(id: id, title: e.title, kind: "panel") }
            return Page(id: id, title: e.title, kind: "figure")
        }
        let specs = specFileNames().map { name in
            Page(id: name, title: (try? entry(name).title) ?? "(spec with errors: open it to see them)", kind: "spec")
        }
        return builtIn + specs
    }

    /// Names of the spec files directly in the folder (regular files, not hidden, inside the folder
    /// once symbolic links are resolved), sorted.
    public func specFileNames() -> [String] {
        guard let dir = specsDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        let root = dir.resolvingSymlinksInPath().path + "/"
        return names.filter { name in
            guard SpecFile.isSpecPath(name), !name.hasPrefix("."), !name.contains("/") else { return false }
            let url = dir.appendingPathComponent(name)
            guard url.resolvingSymlinksInPath().path.hasPrefix(root) else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// The figure of page `id`: a catalog entry, or the spec file of that exact name in the folder.
    public func entry(_ id: String) throws -> Catalog.Entry {
        guard SpecFile.isSpecPath(id) else { return try Catalog.entry(id) }
        guard let dir = specsDirectory, specFileNames().contains(id) else {
            let known = specFileNames()
            throw ExplorerError.notFound("no spec file '\(id)' in the specs folder"
                + (known.isEmpty ? " (it has none; start the server with --specs DIR)" : " (have \(known.joined(separator: ", ")))"))
        }
        return try SpecFile.parse(try text(of: dir.appendingPathComponent(id), name: id), file: id,
                                  defaultID: URL(fileURLWithPath: id).deletingPathExtension().lastPathComponent).entry
    }

    /// The text of spec file `name` (at most `SpecFile.maximumBytes`).
    func text(of url: URL, name: String) throws -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else { throw ExplorerError.notFound("\(name): cannot be read") }
        guard size <= SpecFile.maximumBytes else {
            throw ExplorerError.tooLarge("\(name): is \(size) bytes: a spec file may have at most \(SpecFile.maximumBytes)")
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ExplorerError.badRequest("\(name): is not UTF-8 text")
        }
        return text
    }

    /// The original text of spec page `id` (for exporting a view of it).
    func specText(_ id: String) throws -> String {
        guard let dir = specsDirectory, specFileNames().contains(id) else { throw ExplorerError.notFound("no spec file '\(id)' in the specs folder") }
        return try text(of: dir.appendingPathComponent(id), name: id)
    }
}
