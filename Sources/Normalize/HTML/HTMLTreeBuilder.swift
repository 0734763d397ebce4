import Glibc

/// Receives libxml2 SAX events and builds an `HTMLTree`. Scripts, styles, media and form
/// controls are skipped at the event level, so they cost nothing downstream; JSON-LD scripts
/// are captured because they carry the best metadata.
///
/// A struct, mutated through one `HTMLTreeBuilderBox` access per SAX event: class stored
/// properties would pay a dynamic exclusivity check on every array touch.
struct HTMLTreeBuilder {
    private(set) var nodes: [HTMLTree.Node] = []
    private(set) var text: [UInt8] = []
    private(set) var attributeBytes: [UInt8] = []
    private(set) var attributes: [HTMLTree.Attribute] = []
    private(set) var jsonLD: [[UInt8]] = []

    private var current: Int32 = 0
    /// Depth inside a dropped element; events are ignored while positive.
    private var skipDepth = 0
    private var capturingJSONLD = false
    private var capture: [UInt8] = []
    private var linkDepth = 0
    /// `class` and `id` of the element being opened, joined before they are stored.
    private var hintScratch: [UInt8] = []
    /// `class` and `id` values the prefilter took out of the markup (see `HintStash`).
    var hintStash: HintStash?
    /// End tags libxml2 ignores where HTML5 closes the elements left open inside them.
    private var misnested = MisnestedEndTags()

    init(expectedBytes: Int) {
        nodes.reserveCapacity(max(64, expectedBytes / 60))
        text.reserveCapacity(expectedBytes / 3)
        attributeBytes.reserveCapacity(expectedBytes / 6)
        nodes.append(HTMLTree.Node(tag: .other, flags: [], parent: -1, start: 0, end: 0))
    }

    func finish() -> HTMLTree {
        HTMLTree(nodes: nodes, text: text, attributeBytes: attributeBytes,
                 attributes: attributes, jsonLD: jsonLD)
    }

    mutating func startElement(_ name: UnsafePointer<UInt8>, _ attrs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let tag = HTMLTag.lookup(name)
        if tag == .script {
            skipDepth = 1
            if let type = Self.findAttribute(attrs, "type"), Self.isJSONLD(type) {
                capturingJSONLD = true
                capture.removeAll(keepingCapacity: true)
            }
            return
        }
        if tag.isDropped {
            skipDepth = 1
            if tag.isEmbeddedMedia { nodes[Int(current)].flags.insert(.embedsMedia) }
            return
        }
        let index = Int32(nodes.count)
        let attributeStart = Int32(attributes.count)
        var flags: HTMLTree.NodeFlags = []
        var hintStart: Int32 = 0, hintEnd: Int32 = 0
        hintScratch.removeAll(keepingCapacity: true)
        if let attrs {
            var pair = 0
            while let attributeName = attrs[pair] {
                let value = attrs[pair + 1]
                pair += 2
                switch Self.classify(attributeName, on: tag) {
                case .ignored:
                    continue
                case .hint:
                    guard let value else { continue }
                    if !hintScratch.isEmpty { hintScratch.append(0x20) }
                    if value[0] == HintStash.marker, let lifted = hintStash?.value(referencedBy: value) {
                        hintScratch.append(contentsOf: lifted)
                    } else {
                        appendLowercased(value)
                    }
                case .hidden:
                    flags.insert(.hidden)
                case .ariaHidden:
                    if let value, value[0] == UInt8(ascii: "t") { flags.insert(.hidden) }
                case .style:
                    if let value, Self.styleHides(value) { flags.insert(.hidden) }
                case .authorLink:
                    guard let value, AuthorPageLink.matches(UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)))) else { continue }
                    let start = Int32(attributeBytes.count)
                    appendRaw(value)
                    attributes.append(HTMLTree.Attribute(name: .href, start: start, end: Int32(attributeBytes.count)))
                case .kept(let kept):
                    let start = Int32(attributeBytes.count)
                    if let value { appendRaw(value) }
                    attributes.append(HTMLTree.Attribute(
                        name: kept, start: start, end: Int32(attributeBytes.count)))
                }
            }
        }
        if !hintScratch.isEmpty {
            hintStart = Int32(attributeBytes.count)
            attributeBytes.append(contentsOf: hintScratch)
            hintEnd = Int32(attributeBytes.count)
        }
        var node = HTMLTree.Node(tag: tag, flags: flags, parent: current,
                                 start: attributeStart, end: Int32(attributes.count))
        node.hintStart = hintStart
        node.hintEnd = hintEnd
        append(node, index: index)
        if tag == .a { linkDepth += 1 }
        current = index
        misnested.opened(index)
    }

    mutating func endElement() {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth == 0 && capturingJSONLD {
                capturingJSONLD = false
                if !capture.isEmpty { jsonLD.append(capture) }
            }
            return
        }
        guard let closing = misnested.closed() else { return }
        close(closing)
    }

    private mutating func close(_ node: Int32) {
        guard node > 0 else { return }
        if nodes[Int(node)].tag == .a { linkDepth = max(0, linkDepth - 1) }
        current = nodes[Int(node)].parent
    }

    /// libxml2 reported a tag mismatch (see `MisnestedEndTags`).
    mutating func tagMismatch(end: UnsafePointer<UInt8>) {
        guard skipDepth == 0 else { return }
        let closing = misnested.mismatch(end: HTMLTag.lookup(end)) { nodes[Int($0)].tag }
        for node in closing { close(node) }
    }

    mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        guard skipDepth == 0, count > 0 else { return }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        var blank = true
        for byte in buffer where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
            blank = false
            break
        }
        let parent = nodes[Int(current)]
        if parent.lastChild >= 0 {
            let last = Int(parent.lastChild)
            if nodes[last].tag == .text && Int(nodes[last].end) == text.count {
                text.append(contentsOf: buffer)
                nodes[last].end = Int32(text.count)
                if !blank { nodes[last].flags.remove(.blank) }
                return
            }
        }
        let start = Int32(text.count)
        text.append(contentsOf: buffer)
        var flags: HTMLTree.NodeFlags = linkDepth > 0 ? [.inLink] : []
        if blank { flags.insert(.blank) }
        append(HTMLTree.Node(tag: .text, flags: flags, parent: current,
                             start: start, end: Int32(text.count)),
               index: Int32(nodes.count))
    }

    /// Script bodies arrive as CDATA blocks in libxml2's HTML parser.
    mutating func cdata(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        guard capturingJSONLD, count > 0 else { return }
        capture.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    private mutating func append(_ node: HTMLTree.Node, index: Int32) {
        let parent = Int(node.parent)
        let previous = Int(nodes[parent].lastChild)
        if previous >= 0 {
            nodes[previous].nextSibling = index
        } else {
            nodes[parent].firstChild = index
        }
        nodes[parent].lastChild = index
        nodes.append(node)
    }

    private mutating func appendLowercased(_ value: UnsafePointer<UInt8>) {
        var index = 0
        while value[index] != 0 {
            let byte = value[index]
            hintScratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            index += 1
        }
    }

    private mutating func appendRaw(_ value: UnsafePointer<UInt8>) {
        var index = 0
        while value[index] != 0 { index += 1 }
        attributeBytes.append(contentsOf: UnsafeBufferPointer(start: value, count: index))
    }

    enum AttributeRole {
        case ignored, hint, hidden, ariaHidden, style
        case kept(HTMLAttributeName)
        /// `href` on `<a>`: kept only when it is an `AuthorPageLink`.
        case authorLink
    }

    /// Maps an attribute name (on an element `tag`) to what the builder does with it, by bytes:
    /// only what the extractor reads is kept (`href` on `<link>`, for the canonical URL, and on
    /// `<a>` only to a writer's page).
    /// `MarkupPrefilter` drops every attribute this calls `.ignored` before parsing, so a name
    /// added here is kept by the prefilter too (names up to 31 bytes).
    static func classify(_ name: UnsafePointer<UInt8>, on tag: HTMLTag) -> AttributeRole {
        switch name[0] {
        case UInt8(ascii: "c"):
            if equals(name, "class") { return .hint }
            if equals(name, "content") { return .kept(.content) }
        case UInt8(ascii: "i"):
            if equals(name, "id") { return .hint }
            if equals(name, "itemprop") { return .kept(.itemprop) }
            if equals(name, "itemtype") { return .kept(.itemtype) }
        case UInt8(ascii: "h"):
            if tag == .link && equals(name, "href") { return .kept(.href) }
            if tag == .a && equals(name, "href") { return .authorLink }
            if equals(name, "hidden") { return .hidden }
            if equals(name, "http-equiv") { return .kept(.httpEquiv) }
        case UInt8(ascii: "p"):
            if equals(name, "property") { return .kept(.property) }
        case UInt8(ascii: "n"):
            if equals(name, "name") { return .kept(.name) }
        case UInt8(ascii: "r"):
            if equals(name, "rel") { return .kept(.rel) }
            if equals(name, "role") { return .kept(.role) }
        case UInt8(ascii: "d"):
            if equals(name, "datetime") { return .kept(.datetime) }
            // A date-named data attribute (`data-date`, `data-published`): read like `datetime`.
            if tag != .time && (equals(name, "data-date") || equals(name, "data-published") || equals(name, "data-publish-date")
                || equals(name, "data-pubdate")) { return .kept(.dataDate) }
        case UInt8(ascii: "l"):
            if equals(name, "lang") { return .kept(.lang) }
        case UInt8(ascii: "s"):
            if equals(name, "style") { return .style }
        case UInt8(ascii: "a"):
            if equals(name, "aria-hidden") { return .ariaHidden }
        case UInt8(ascii: "t"):
            if tag == .abbr && equals(name, "title") { return .kept(.title) }
        default:
            break
        }
        return .ignored
    }

    @inline(__always)
    private static func equals(_ pointer: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for index in 0..<count where pointer[index] != bytes[index] { return false }
        return pointer[count] == 0
    }

    private static func findAttribute(
        _ attrs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, _ wanted: StaticString
    ) -> UnsafePointer<UInt8>? {
        guard let attrs else { return nil }
        var pair = 0
        while let name = attrs[pair] {
            if equals(name, wanted) { return attrs[pair + 1] }
            pair += 2
        }
        return nil
    }

    private static func cString(_ pointer: UnsafePointer<UInt8>) -> ArraySlice<UInt8> {
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return Array(UnsafeBufferPointer(start: pointer, count: count))[...]
    }

    private static func isJSONLD(_ type: UnsafePointer<UInt8>) -> Bool {
        ByteSearch.containsIgnoringCase(cString(type), Array("ld+json".utf8))
    }

    /// `display:none` or `visibility:hidden` in an inline style, spaces ignored.
    private static func styleHides(_ style: UnsafePointer<UInt8>) -> Bool {
        var squeezed: [UInt8] = []
        var index = 0
        while style[index] != 0 && index < 512 {
            let byte = style[index]
            if byte != 0x20 && byte != 0x09 { squeezed.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            index += 1
        }
        return ByteSearch.contains(squeezed[...], "display:none")
            || ByteSearch.contains(squeezed[...], "visibility:hidden")
    }
}

/// The SAX user-data object: libxml2 hands back an opaque pointer, which needs a class.
/// Only the one parse that made it touches it, on one thread, so the per-event exclusivity
/// check on `builder` is left out.
final class HTMLTreeBuilderBox {
    @exclusivity(unchecked) var builder: HTMLTreeBuilder

    init(expectedBytes: Int) {
        builder = HTMLTreeBuilder(expectedBytes: expectedBytes)
    }
}
