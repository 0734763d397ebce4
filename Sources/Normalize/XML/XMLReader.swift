internal import CLibXML2
import Foundation

/// A forward-only cursor over an XML document, fed by libxml2's SAX2 push parser a chunk at a
/// time: only one chunk's worth of events is held in memory, whatever the document's size.
///
/// libxml2's own `xmlTextReader` gives up at the first well-formedness error even with
/// `XML_PARSE_RECOVER`; the push parser recovers, so feeds with a stray `&` or a mismatched tag
/// still yield their entries. The reader owns the parser context (freed in `deinit`).
/// Not thread-safe; one parse at a time.
final class XMLReader {
    static let chunkSize = 64 * 1024

    private let sink: XMLEventSink
    private let context: xmlParserCtxtPtr
    private let input: any ChunkSource
    private let chunk: UnsafeMutableRawBufferPointer
    private var inputFinished = false
    // Read on every event; unchecked for the reason given in `XMLEventSink`: one thread, and
    // `current` is only ever passed inout to the sink's `dequeue`, which touches nothing else here.
    @exclusivity(unchecked) private var current = XMLEvent(kind: .none, depth: -1)
    /// Incremented by every `read()`, so `forEachChild` can tell whether its body moved.
    @exclusivity(unchecked) private var position = 0
    /// The error the chunk source threw, if reading stopped because of it.
    private(set) var inputError: (any Error)?

    /// Reads a document held in memory. `url` is the document's own address (the base for
    /// relative references); `encoding`, when given, replaces the declared encoding.
    convenience init(data: Data, url: String?, encoding: String? = nil) throws(XMLReaderError) {
        try self.init(source: DataChunkSource(data), url: url, encoding: encoding)
    }

    /// Reads a document pulled chunk by chunk from `source`.
    init(source: any ChunkSource, url: String?, encoding: String? = nil) throws(XMLReaderError) {
        let sink = XMLEventSink(documentURL: url.flatMap { URL(string: $0) })
        var handler = XMLEventSink.makeHandler()
        guard
            let context = xmlCreatePushParserCtxt(
                &handler, Unmanaged.passUnretained(sink).toOpaque(), nil, 0, url)
        else { throw .cannotCreate }
        var options = XMLReaderOptions.hostileInput
        if let encoding {
            // Replaces the declared encoding; IGNORE_ENC keeps the declaration from switching back.
            xmlCtxtResetPush(context, nil, 0, url, encoding)
            options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
        }
        xmlCtxtUseOptions(context, options)
        sink.parser = context
        self.sink = sink
        self.context = context
        self.input = source
        self.chunk = .allocate(byteCount: Self.chunkSize, alignment: 1)
    }

    deinit {
        // An internal DTD subset with entity declarations makes libxml2 build a document to hold
        // them (`myDoc`), even for a SAX-only parse; the context does not free it.
        if let document = context.pointee.myDoc {
            context.pointee.myDoc = nil
            xmlFreeDoc(document)
        }
        xmlFreeParserCtxt(context)
        chunk.deallocate()
    }

    // MARK: Moving

    /// Advances to the next event; false at the end of the document.
    func read() -> Bool {
        while true {
            if sink.dequeue(into: &current) {
                position += 1
                return true
            }
            guard !inputFinished, !sink.stopped else {
                current = XMLEvent(kind: .none, depth: -1)
                return false
            }
            feed()
        }
    }

    private func feed() {
        var count = 0
        do {
            count = try input.read(into: chunk)
        } catch {
            inputError = error
        }
        if count <= 0 {
            inputFinished = true
            xmlParseChunk(context, nil, 0, 1)
        } else {
            xmlParseChunk(context, chunk.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(count), 0)
        }
    }

    /// Consumes the current element's subtree, leaving the reader on its end.
    func skipSubtree() {
        guard current.kind == .element else { return }
        let startDepth = current.depth
        while read() {
            if current.kind == .endElement && current.depth <= startDepth { return }
        }
    }

    /// Calls `body` for each child element of the current element, positioned on the child, and
    /// returns on the current element's end. `body` consumes the child (``collectText()``,
    /// ``skipSubtree()``, a nested `forEachChild`) or leaves it: an unread child is skipped.
    func forEachChild(_ body: (_ name: String, _ namespace: String?) throws -> Void) rethrows {
        guard current.kind == .element else { return }
        let parentDepth = current.depth
        while read() {
            if current.kind == .endElement && current.depth <= parentDepth { return }
            guard current.kind == .element, current.depth == parentDepth + 1 else { continue }
            let before = position
            try body(current.localName, current.namespace)
            if position == before { skipSubtree() }
        }
    }

    // MARK: The current event

    var kind: XMLNodeKind { current.kind }
    var depth: Int { current.depth }
    var localName: String { current.localName }
    /// The namespace URI, or nil for a name in no namespace.
    var namespaceURI: String? { current.namespace }
    var value: String? { current.kind == .text ? current.text : nil }
    /// The base URI in force at this element: the document URL combined with every `xml:base`.
    var baseURL: URL? { sink.scopes.base(current.scope) }
    /// The `xml:lang` in force at this element.
    var xmlLang: String? { sink.scopes.language(current.scope) }
    /// 1-based line of the current element's start tag.
    var line: Int { current.line }

    /// The value of the attribute with this local name and no namespace.
    func attribute(_ name: String) -> String? {
        current.attributes.first { $0.localName == name && $0.namespace == nil }?.value
    }

    /// The value of the attribute with this local name in `namespace`.
    func attribute(_ localName: String, namespace: String) -> String? {
        current.attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
    }

    /// The text inside the current element (descendants' text included), leaving the reader on
    /// the element's end.
    func collectText() -> String {
        guard current.kind == .element else { return "" }
        let startDepth = current.depth
        var text = ""
        while read() {
            switch current.kind {
            case .text: text += current.text
            case .endElement where current.depth <= startDepth: return text
            default: continue
            }
        }
        return text
    }

    /// The markup inside the current element, re-serialized (for Atom `type="xhtml"`), leaving
    /// the reader on the element's end.
    func innerXML() -> String {
        guard current.kind == .element else { return "" }
        let startDepth = current.depth
        var markup = ""
        while read() {
            switch current.kind {
            case .text:
                markup += XMLEscaping.escape(current.text, quote: false)
            case .element:
                markup += "<" + current.localName
                for attribute in current.attributes where attribute.namespace == nil {
                    markup += " \(attribute.localName)=\"\(XMLEscaping.escape(attribute.value, quote: true))\""
                }
                markup += ">"
            case .endElement where current.depth <= startDepth:
                return markup
            case .endElement:
                markup += "</" + current.localName + ">"
            default:
                continue
            }
        }
        return markup
    }

    // MARK: Diagnostics

    var warnings: [ParseWarning] { sink.diagnostics.warnings }
    var errorCount: Int { sink.diagnostics.errorCount }
    var droppedWarnings: Int { sink.diagnostics.droppedCount }
    /// The document had the shape of an entity-expansion bomb, or libxml2 stopped one.
    var entityExpansionStopped: Bool { sink.diagnostics.entityExpansionStopped }

    func note(_ message: String) { sink.diagnostics.note(message) }
}

/// libxml2 could not set up a parser (out of memory).
enum XMLReaderError: Error {
    case cannotCreate
}

enum XMLEscaping {
    static func escape(_ text: String, quote: Bool) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quote && $0 == "\"") }) else { return text }
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quote: output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }
}
