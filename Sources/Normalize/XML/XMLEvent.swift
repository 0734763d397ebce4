import Foundation

/// One attribute of an element, as the SAX2 parser reports it.
struct XMLAttribute {
    var localName: String
    var namespace: String?
    var value: String
}

/// One node of the stream: an element start or end, or a run of character data.
struct XMLEvent {
    var kind: XMLNodeKind
    var depth: Int
    var localName: String = ""
    var namespace: String?
    var prefix: String?
    /// Character data of a text event.
    var text: String = ""
    var attributes: [XMLAttribute] = []
    /// The element's row in the sink's ``XMLScopes`` (its `xml:base` and `xml:lang`).
    var scope: Int32 = 0
    /// 1-based line of an element's start tag (0 for other events), for messages.
    var line: Int = 0
}
