public import Foundation

extension LoopbackSite {
    /// Serves every file below `folder`: `/a/b.html` is served at `/a/b.html` and, for
    /// pages, also at the extension-less `/a/b` (how news sites name articles). Text files may
    /// hold placeholders such as `{{origin}}`, replaced by `substitutions` so that fixtures can
    /// carry absolute links to a server whose port is only known at run time.
    public func addFolder(_ folder: URL, substitutions: [String: String] = [:]) throws {
        let site = self
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            var body = try Data(contentsOf: URL(fileURLWithPath: path))
            let type = Self.contentType(forExtension: (relative as NSString).pathExtension)
            if type.hasPrefix("text/") || type.contains("xml") || type.contains("json"), !substitutions.isEmpty {
                var text = String(decoding: body, as: UTF8.self)
                for (key, value) in substitutions { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
                body = Data(text.utf8)
            }
            let page = LoopbackPage(contentType: type, body: body)
            site.set("/" + relative, page)
            if relative.hasSuffix(".html") {
                site.set("/" + String(relative.dropLast(5)), page)
            }
        }
    }

    static func contentType(forExtension ext: String) -> String {
        switch ext.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "xml": return "application/xml"
        case "rss": return "application/rss+xml"
        case "atom": return "application/atom+xml"
        case "json": return "application/json"
        case "txt": return "text/plain; charset=utf-8"
        case "gz": return "application/gzip"
        default: return "application/octet-stream"
        }
    }
}
