internal import CLibXML2
import Foundation

/// The links of an HTML page, read with libxml2's HTML SAX push parser: no tree is built, so a
/// section page of any size is scanned in one pass with little memory. Independent of the article
/// extractor's DOM.
struct HTMLLinkScan {
    /// An `<a href>` in document order, with its text (first 200 characters).
    struct Anchor {
        var href: String
        var text: String
    }

    /// A `<link>` element's attributes (for feed autodiscovery).
    struct LinkElement {
        var rel: String
        var type: String?
        var href: String
        var title: String?
    }

    var baseHref: String?
    var anchors: [Anchor] = []
    var links: [LinkElement] = []
}

/// Owner of one HTML push-parser context for one scan.
final class HTMLLinkScanner {
    static let chunkSize = 64 * 1024
    private var scan = HTMLLinkScan()
    /// Text of the `<a>` being read, if inside one.
    private var anchorText: String?
    private var anchorHref: String?

    /// Scans `html`; never fails (the HTML parser recovers from anything).
    static func scan(_ html: Data) -> HTMLLinkScan {
        let scanner = HTMLLinkScanner()
        var handler = makeHandler()
        let context = htmlCreatePushParserCtxt(
            &handler, Unmanaged.passUnretained(scanner).toOpaque(), nil, 0, nil, XML_CHAR_ENCODING_NONE)
        guard let context else { return scanner.scan }
        defer { htmlFreeParserCtxt(context) }
        htmlCtxtUseOptions(
            context,
            Int32(
                HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                    | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue))
        html.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            var offset = 0
            while offset < raw.count {
                let count = min(chunkSize, raw.count - offset)
                htmlParseChunk(context, base + offset, Int32(count), 0)
                offset += count
            }
        }
        htmlParseChunk(context, nil, 0, 1)
        scanner.closeAnchor()
        return scanner.scan
    }

    private func startElement(_ name: String, attributes: [String: String]) {
        switch name {
        case "a":
            closeAnchor()
            if let href = attributes["href"] {
                anchorHref = href
                anchorText = ""
            }
        case "base":
            if scan.baseHref == nil { scan.baseHref = attributes["href"] }
        case "link":
            guard let rel = attributes["rel"], let href = attributes["href"] else { return }
            scan.links.append(
                HTMLLinkScan.LinkElement(rel: rel, type: attributes["type"], href: href, title: attributes["title"]))
        default:
            break
        }
    }

    private func endElement(_ name: String) {
        if name == "a" { closeAnchor() }
    }

    private func characters(_ text: String) {
        guard var current = anchorText, current.count < 200 else { return }
        current += text
        anchorText = current
    }

    fileprivate func closeAnchor() {
        guard let href = anchorHref else { return }
        let text = (anchorText ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        scan.anchors.append(HTMLLinkScan.Anchor(href: href, text: String(text.prefix(200))))
        anchorHref = nil
        anchorText = nil
    }

    // MARK: SAX callbacks (context: an unretained scanner, alive for the whole scan)

    private static func makeHandler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        // SAX2 magic so that errors go to `serror` (which drops them) instead of stderr.
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElement = startCallback
        handler.endElement = endCallback
        handler.characters = charactersCallback
        handler.cdataBlock = charactersCallback
        handler.serror = { _, _ in }
        return handler
    }

    private static func scanner(_ context: UnsafeMutableRawPointer?) -> HTMLLinkScanner {
        Unmanaged<HTMLLinkScanner>.fromOpaque(context!).takeUnretainedValue()
    }

    private static let startCallback: startElementSAXFunc = { context, name, attributes in
        guard let name else { return }
        let element = String(cString: name).lowercased()
        guard element == "a" || element == "link" || element == "base" else {
            return
        }
        var values: [String: String] = [:]
        if let attributes {
            var index = 0
            while let key = attributes[index] {
                let value = attributes[index + 1].map { String(cString: $0) } ?? ""
                let lowered = String(cString: key).lowercased()
                if values[lowered] == nil { values[lowered] = value }
                index += 2
            }
        }
        scanner(context).startElement(element, attributes: values)
    }

    private static let endCallback: endElementSAXFunc = { context, name in
        guard let name else { return }
        scanner(context).endElement(String(cString: name).lowercased())
    }

    private static let charactersCallback: charactersSAXFunc = { context, characters, length in
        guard let characters, length > 0 else { return }
        let text = String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
        scanner(context).characters(text)
    }
}
