public import Foundation

/// Reads an OPML file into its subscriptions.
///
/// Every `outline` with an `xmlUrl` is a feed, whatever its `type` says (`rss`, `atom`, or
/// nothing: the pipeline detects the format from the content). Outlines without `xmlUrl` that
/// hold others are folders; their titles travel with the feeds inside them. The file must be
/// well-formed XML with an `opml` root and a `body`; a feed address must be an absolute http(s)
/// URL. Errors carry the line.
public enum OPMLReader {
    public static func read(_ data: Data) throws(OPMLError) -> OPMLDocument {
        guard data.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw OPMLError(line: 0, message: "empty file: expected an <opml> document")
        }
        let reader: XMLReader
        do {
            reader = try XMLReader(data: data, url: nil)
        } catch {
            throw OPMLError(line: 0, message: "cannot start the XML parser")
        }
        var title: String?
        var feeds: [OPMLDocument.Feed] = []
        var sawRoot = false
        var sawBody = false
        var inHead = false
        // Open outlines: depth and, for folders, their title.
        var open: [(depth: Int, folder: String?)] = []
        while reader.read() {
            if reader.errorCount > 0 { break }
            switch reader.kind {
            case .element:
                let name = reader.localName
                if !sawRoot {
                    guard name == "opml" else {
                        throw OPMLError(line: reader.line, message: "expected an <opml> document, found <\(name)>")
                    }
                    sawRoot = true
                    continue
                }
                switch name {
                case "head": inHead = true
                case "body": sawBody = true
                case "title" where inHead && title == nil:
                    let text = reader.collectText().trimmingCharacters(in: .whitespacesAndNewlines)
                    title = text.isEmpty ? nil : text
                case "outline":
                    while let last = open.last, last.depth >= reader.depth { open.removeLast() }
                    let label = (reader.attribute("title") ?? reader.attribute("text") ?? "")
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    if let address = reader.attribute("xmlUrl") ?? reader.attribute("xmlurl") {
                        let url = address.trimmingCharacters(in: .whitespacesAndNewlines)
                        guard isHTTP(url) else {
                            throw OPMLError(line: reader.line, message: "outline \"\(label)\": xmlUrl is not an http(s) URL: \"\(url)\"")
                        }
                        let site = reader.attribute("htmlUrl")?.trimmingCharacters(in: .whitespacesAndNewlines)
                        feeds.append(OPMLDocument.Feed(title: label, url: url, siteURL: site.flatMap { $0.isEmpty ? nil : $0 },
                                                       folders: open.compactMap(\.folder), line: reader.line))
                        open.append((reader.depth, nil))
                    } else {
                        open.append((reader.depth, label.isEmpty ? nil : label))
                    }
                default: break
                }
            case .endElement:
                if reader.localName == "head" { inHead = false }
            default:
                break
            }
        }
        if let first = reader.warnings.first, reader.errorCount > 0 {
            throw OPMLError(line: first.line, message: "not well-formed XML: \(first.message)")
        }
        guard sawRoot else { throw OPMLError(line: 0, message: "empty file: expected an <opml> document") }
        guard sawBody else { throw OPMLError(line: 0, message: "the <opml> document has no <body>") }
        return OPMLDocument(title: title, feeds: feeds)
    }

    private static func isHTTP(_ string: String) -> Bool {
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return false }
        return true
    }
}
