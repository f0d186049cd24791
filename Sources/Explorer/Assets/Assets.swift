/// The page's own files, compiled into the binary (no CDN, nothing read from disk).
enum Assets {
    /// A served file: its text and media type.
    struct Asset { let text: String; let type: String }

    /// The asset called `name` (exact names only).
    static func named(_ name: String) -> Asset? {
        switch name {
        case "explorer.js": Asset(text: explorerJS, type: "text/javascript; charset=utf-8")
        case "explorer.css": Asset(text: explorerCSS, type: "text/css; charset=utf-8")
        default: nil
        }
    }

    /// Every asset name.
    static let names = ["explorer.js", "explorer.css"]
}
