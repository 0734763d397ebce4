internal import CLibXML2
import Foundation

/// Receives libxml2's SAX2 callbacks during one push parse and queues them as ``XMLEvent``s for
/// the ``XMLReader`` to hand out. The callbacks' context is an unretained pointer to the sink,
/// which its reader keeps alive for the parser context's whole life.
///
/// Entities: the handler has no `getEntity`, so an entity declared in a DTD is **never
/// expanded** (a feed has no business declaring any), and an external entity is never resolved
/// or fetched. References to HTML entity names that feeds use without a DTD (`&nbsp;`) are mapped
/// to their characters. A DTD that declares entities built from other entities — the shape of a
/// "billion laughs" bomb — stops the parse; the caller reports it as an entity-expansion error.
final class XMLEventSink {
    let diagnostics = XMLDiagnostics()
    // The queue and scopes are touched several times per SAX event, and dynamic exclusivity
    // checks on them were a tenth of feed parsing time. Safe unchecked: the sink is used by one
    // reader on one thread, and no access to these properties ever overlaps another (no
    // property is passed inout while a callback could run).
    @exclusivity(unchecked) private var queue: [XMLEvent] = []
    @exclusivity(unchecked) private var head = 0
    /// `xml:base` and `xml:lang` of the open elements and of the queued events.
    @exclusivity(unchecked) private(set) var scopes: XMLScopes
    /// Parsing was stopped on purpose (entity bomb).
    private(set) var stopped = false

    init(documentURL: URL?) {
        scopes = XMLScopes(documentURL: documentURL)
        queue.reserveCapacity(1024)
    }

    /// Moves the next queued event into `event` (swapped, not copied: an event holds several
    /// reference-counted fields, and copying it was a large share of feed parsing). False when
    /// the queue is empty.
    func dequeue(into event: inout XMLEvent) -> Bool {
        if head == queue.count { flushText() }
        guard head < queue.count else {
            if head > 0 {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            scopes.compact()
            return false
        }
        swap(&event, &queue[head])
        head += 1
        return true
    }

    // MARK: Events

    fileprivate func startElement(
        localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]
    ) {
        flushText()
        var base: String?
        var language: String?
        for attribute in attributes where attribute.namespace == XMLEventSink.xmlNamespace {
            if attribute.localName == "base" {
                base = attribute.value
            } else if attribute.localName == "lang" {
                language = attribute.value
            }
        }
        let depth = scopes.depth
        let scope = scopes.push(base: base, language: language)
        queue.append(
            XMLEvent(
                kind: .element, depth: depth, localName: localName, namespace: namespace, prefix: prefix,
                attributes: attributes, scope: scope,
                line: parser.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0))
    }

    fileprivate func endElement(localName: String, namespace: String?) {
        flushText()
        scopes.pop()
        queue.append(XMLEvent(kind: .endElement, depth: scopes.depth, localName: localName, namespace: namespace))
    }

    /// Character data since the last element start or end. libxml2 reports a run of text in
    /// pieces (every entity or character reference, `&lt;` included, ends a piece: an escaped
    /// HTML summary arrives in dozens), so the bytes are gathered here and become one `String`
    /// per run, not one per piece.
    @exclusivity(unchecked) private var pendingText: [UInt8] = []

    fileprivate func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        pendingText.append(contentsOf: bytes)
    }

    fileprivate func characters(_ text: String) {
        pendingText.append(contentsOf: text.utf8)
    }

    /// Queues the gathered character data as one text event.
    private func flushText() {
        guard !pendingText.isEmpty else { return }
        let text = String(decoding: pendingText, as: UTF8.self)
        pendingText.removeAll(keepingCapacity: true)
        queue.append(XMLEvent(kind: .text, depth: scopes.depth, text: text))
    }

    /// The parser this sink is attached to (not owned: the ``XMLReader`` owns both), used only to
    /// stop it.
    var parser: xmlParserCtxtPtr?

    /// Whether replacement text contains an entity reference (`&name;`, not `&#…;`).
    static func referencesEntity(_ content: String) -> Bool {
        var previousWasAmpersand = false
        for scalar in content.unicodeScalars {
            if previousWasAmpersand && (scalar.properties.isAlphabetic || scalar == "_" || scalar == ":") { return true }
            previousWasAmpersand = scalar == "&"
        }
        return false
    }

    fileprivate func entityDeclared(name: String, systemID: String?, content: String?) {
        if let systemID {
            diagnostics.note("external entity '\(name)' (\(systemID)) ignored: external entities are never resolved")
        }
        // An entity whose replacement text references another entity is how expansion bombs
        // are built; real feeds never need one.
        if let content, Self.referencesEntity(content) {
            diagnostics.entityBombDetected(name: name)
            stopped = true
            if let parser { xmlStopParser(parser) }
        }
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    // MARK: The SAX2 handler

    static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = startElementCallback
        handler.endElementNs = endElementCallback
        handler.characters = charactersCallback
        handler.ignorableWhitespace = charactersCallback
        handler.cdataBlock = charactersCallback
        handler.entityDecl = entityDeclCallback
        handler.serror = errorCallback
        return handler
    }

    private static func sink(_ context: UnsafeMutableRawPointer?) -> XMLEventSink {
        Unmanaged<XMLEventSink>.fromOpaque(context!).takeUnretainedValue()
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Element names and namespace URIs come from the parser's dictionary, so one pointer is
    /// always the same string: converting each once saves an allocation per element.
    @exclusivity(unchecked) private var internedNames = InternedNames()

    fileprivate func interned(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        internedNames.name(pointer)
    }

    private static let startElementCallback: startElementNsSAX2Func = {
        context, localName, prefix, uri, _, _, attributeCount, _, rawAttributes in
        let sink = sink(context)
        var attributes: [XMLAttribute] = []
        if attributeCount > 0, let rawAttributes {
            attributes.reserveCapacity(Int(attributeCount))
            for index in 0..<Int(attributeCount) {
                // Five pointers per attribute: localname, prefix, URI, value start, value end.
                let base = index * 5
                guard let name = rawAttributes[base], let start = rawAttributes[base + 3],
                    let end = rawAttributes[base + 4]
                else { continue }
                var value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                // Without entity substitution libxml2's SAX2 hands `&amp;` in an attribute over
                // as the reference `&#38;` (every other reference arrives decoded).
                if value.utf8.contains(UInt8(ascii: "&")) { value = value.replacingOccurrences(of: "&#38;", with: "&") }
                // Attribute names and namespace URIs come from the parser's dictionary too.
                attributes.append(
                    XMLAttribute(localName: sink.interned(name) ?? "", namespace: sink.interned(rawAttributes[base + 2]), value: value))
            }
        }
        sink.startElement(
            localName: sink.interned(localName) ?? "", prefix: sink.interned(prefix), namespace: sink.interned(uri),
            attributes: attributes)
    }

    private static let endElementCallback: endElementNsSAX2Func = { context, localName, _, uri in
        let sink = sink(context)
        sink.endElement(localName: sink.interned(localName) ?? "", namespace: sink.interned(uri))
    }

    private static let charactersCallback: charactersSAXFunc = { context, characters, length in
        guard let characters, length > 0 else { return }
        sink(context).characters(UnsafeBufferPointer(start: characters, count: Int(length)))
    }

    private static let entityDeclCallback: entityDeclSAXFunc = { context, name, _, _, systemID, content in
        sink(context).entityDeclared(
            name: string(name) ?? "", systemID: string(systemID), content: string(UnsafePointer(content)))
    }

    private static let errorCallback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let sink = sink(context)
        let code = error.pointee.code
        if code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue) || code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
            let name = error.pointee.str1.map({ String(cString: $0) }),
            let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
            parser.pointee.instate == XML_PARSER_CONTENT
        {
            // `&nbsp;` in text: keep the character (attribute values just lose it).
            if let character = HTMLEntities.character(named: name) {
                sink.characters(character)
                return
            }
        }
        if code == Int32(XML_ERR_NAME_REQUIRED.rawValue),
            let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
            parser.pointee.instate == XML_PARSER_CONTENT
        {
            // A bare `&` in text (`Mayor & council`): libxml2 drops it while recovering; keep it.
            sink.characters("&")
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(code)"
        sink.diagnostics.record(code: code, line: error.pointee.line, message: message)
    }
}
