internal import CLibXML2
import Foundation

/// A forward-only cursor over an XML document: libxml2's streaming `xmlTextReader`, which keeps
/// only the current node and its ancestors in memory.
///
/// The one owner of the `xmlTextReaderPtr` (freed in `deinit`) and of the buffers and contexts
/// libxml2 points into. Not thread-safe; one parse at a time.
final class XMLReader {
    private let reader: xmlTextReaderPtr
    private let diagnostics = XMLDiagnostics()
    private var memory: UnsafeMutableRawBufferPointer?
    private var input: XMLInputBridge?
    /// `skipSubtree` already moved onto the next node: the next `read` must not move again.
    private var positionedBySkip = false

    /// Reads a document held in memory. `url` is the document's own address (the base for
    /// relative references); `encoding`, when given, replaces the declared encoding (which is
    /// then ignored: libxml2 would otherwise switch to it mid-document).
    init(data: Data, url: String?, encoding: String? = nil) throws(XMLReaderError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        data.copyBytes(to: buffer)
        guard data.count <= Int(Int32.max),
            let reader = xmlReaderForMemory(
                buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count), url, encoding,
                XMLReaderOptions.hostileInput | (encoding == nil ? 0 : Int32(XML_PARSE_IGNORE_ENC.rawValue)))
        else {
            buffer.deallocate()
            throw .cannotCreate
        }
        self.reader = reader
        self.memory = buffer
        installErrorHandler()
    }

    /// Reads a document pulled chunk by chunk from `source` (bounded memory whatever its size).
    init(source: any ChunkSource, url: String?, encoding: String? = nil) throws(XMLReaderError) {
        let bridge = XMLInputBridge(source: source)
        guard
            let reader = xmlReaderForIO(
                XMLInputBridge.readCallback, nil, Unmanaged.passUnretained(bridge).toOpaque(), url, encoding,
                XMLReaderOptions.hostileInput)
        else { throw .cannotCreate }
        self.reader = reader
        self.input = bridge
        installErrorHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        memory?.deallocate()
    }

    private func installErrorHandler() {
        xmlTextReaderSetStructuredErrorHandler(
            reader, XMLDiagnostics.structuredHandler, Unmanaged.passUnretained(diagnostics).toOpaque())
    }

    // MARK: Moving

    /// Advances to the next node; false at the end of the document or when libxml2 gave up.
    func read() -> Bool {
        if positionedBySkip {
            positionedBySkip = false
            return true
        }
        return xmlTextReaderRead(reader) == 1
    }

    /// Skips the current node's subtree; the next `read()` lands on the node after it.
    func skipSubtree() {
        if isEmptyElement || kind != .element { return }
        positionedBySkip = xmlTextReaderNext(reader) == 1
    }

    /// Calls `body` for each child element of the current element, positioned on the child, and
    /// returns on the current element's end. `body` must consume the child (``collectText()``,
    /// ``skipSubtree()``, a nested `forEachChild`), or leave it alone: an unconsumed child's
    /// subtree is skipped.
    func forEachChild(_ body: (_ name: String, _ namespace: String?) throws -> Void) rethrows {
        guard kind == .element, !isEmptyElement else { return }
        let parentDepth = depth
        while read() {
            let currentKind = kind
            let currentDepth = depth
            if currentKind == .endElement && currentDepth <= parentDepth { return }
            guard currentKind == .element, currentDepth == parentDepth + 1 else { continue }
            let name = localName
            try body(name, namespaceURI)
            // The body left the reader on the child's start tag: skip what it did not read.
            if !positionedBySkip, kind == .element, depth == currentDepth, localName == name, !isEmptyElement {
                skipSubtree()
            }
        }
    }

    // MARK: The current node

    var kind: XMLNodeKind { XMLNodeKind(rawValue: xmlTextReaderNodeType(reader)) ?? .none }
    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The namespace URI, or nil for a name in no namespace.
    var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    var value: String? { xmlTextReaderConstValue(reader).map { String(cString: $0) } }

    /// The base URI in force at this node: the document URL combined with every `xml:base` above.
    var baseURI: String? { xmlTextReaderConstBaseUri(reader).map { String(cString: $0) } }

    /// The `xml:lang` in force at this node.
    var xmlLang: String? { xmlTextReaderConstXmlLang(reader).map { String(cString: $0) } }

    var lineNumber: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The value of the attribute with this qualified name on the current element.
    func attribute(_ name: String) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return value
    }

    /// The value of the attribute with this local name in namespace `namespace`.
    func attribute(_ localName: String, namespace: String) -> String? {
        guard xmlTextReaderMoveToAttributeNs(reader, localName, namespace) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return value
    }

    /// The markup inside the current element, serialized (for Atom `type="xhtml"` content).
    func innerXML() -> String? {
        // Expand + xmlNodeDump into an xmlBuffer we free ourselves, rather than
        // xmlTextReaderReadInnerXml, whose result must go to the global `xmlFree` variable.
        guard let node = xmlTextReaderExpand(reader), let buffer = xmlBufferCreate() else { return nil }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, node.pointee.doc, current, 0, 0)
            child = current.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return nil }
        return String(cString: content)
    }

    /// The text inside the current element (its descendants' text included), leaving the reader
    /// on the element's end. Character data and CDATA are joined; references to undeclared
    /// HTML entities (`&nbsp;` in a feed without a DTD) are mapped to their characters.
    func collectText() -> String {
        if isEmptyElement { return "" }
        let startDepth = depth
        var text = ""
        while read() {
            switch kind {
            case .text, .cdata, .significantWhitespace, .whitespace:
                if let value { text += value }
            case .entityReference:
                text += HTMLEntities.character(named: localName) ?? ""
            case .endElement where depth == startDepth:
                return text
            default:
                continue
            }
        }
        return text
    }

    // MARK: Diagnostics

    var warnings: [ParseWarning] { diagnostics.warnings }
    var errorCount: Int { diagnostics.errorCount }
    var entityExpansionStopped: Bool { diagnostics.entityExpansionStopped }
    /// The error the chunk source threw, if reading stopped because of it.
    var inputError: (any Error)? { input?.error }

    func note(_ message: String) { diagnostics.note(message) }
}

/// The `xmlReaderForIO` context: pulls from a `ChunkSource` and remembers its error, since the C
/// callback can only answer -1.
final class XMLInputBridge {
    let source: any ChunkSource
    var error: (any Error)?

    init(source: any ChunkSource) { self.source = source }

    static let readCallback: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let bridge = Unmanaged<XMLInputBridge>.fromOpaque(context).takeUnretainedValue()
        do {
            return Int32(try bridge.source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
        } catch {
            bridge.error = error
            return -1
        }
    }
}

/// libxml2 could not set up a reader (out of memory, or a document over 2 GiB held in memory).
enum XMLReaderError: Error {
    case cannotCreate
}
