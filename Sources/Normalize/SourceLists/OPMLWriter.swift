/// Writes subscriptions as OPML 2.0, the shape feed readers import: one `outline type="rss"`
/// per feed with `text`, `title`, `xmlUrl` and `htmlUrl`, grouped in one folder outline per
/// top-level folder name (nested folder paths are joined with " / ").
public enum OPMLWriter {
    public static func write(_ document: OPMLDocument) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
            "    <title>\(escape(document.title ?? "Copydesk sources"))</title>",
            "  </head>",
            "  <body>",
        ]
        func outline(_ feed: OPMLDocument.Feed, indent: String) -> String {
            var attributes = #"type="rss" text="\#(escape(feed.title))" title="\#(escape(feed.title))" xmlUrl="\#(escape(feed.url))""#
            if let site = feed.siteURL { attributes += #" htmlUrl="\#(escape(site))""# }
            return "\(indent)<outline \(attributes)/>"
        }
        // Folders keep the order in which they first appear; unfiled feeds stay where they are.
        var folderOrder: [String] = []
        var byFolder: [String: [OPMLDocument.Feed]] = [:]
        for feed in document.feeds {
            let folder = feed.folders.joined(separator: " / ")
            if folder.isEmpty {
                lines.append(outline(feed, indent: "    "))
                continue
            }
            if byFolder[folder] == nil { folderOrder.append(folder) }
            byFolder[folder, default: []].append(feed)
        }
        for folder in folderOrder {
            lines.append(#"    <outline text="\#(escape(folder))" title="\#(escape(folder))">"#)
            for feed in byFolder[folder] ?? [] { lines.append(outline(feed, indent: "      ")) }
            lines.append("    </outline>")
        }
        lines.append("  </body>")
        lines.append("</opml>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        XMLEscaping.escape(text, quote: true)
    }
}
