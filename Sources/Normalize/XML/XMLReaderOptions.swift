internal import CLibXML2

/// The libxml2 options every Copydesk XML parse uses, chosen for hostile input.
///
/// - `XML_PARSE_RECOVER`: keep what can be recovered from a document that is not well-formed
///   (the errors become ``ParseWarning``s).
/// - `XML_PARSE_NONET`: never open a network connection for anything the document names.
/// - `XML_PARSE_NOERROR` / `XML_PARSE_NOWARNING`: nothing on stderr; errors reach our handler.
/// - `XML_PARSE_COMPACT`: smaller text nodes, less memory.
/// - Deliberately absent: `XML_PARSE_NOENT` (entity substitution — the door to billion-laughs and
///   external entities), `XML_PARSE_DTDLOAD` / `XML_PARSE_DTDATTR` / `XML_PARSE_DTDVALID` (no
///   external DTD is ever loaded), `XML_PARSE_HUGE` (keeps libxml2's built-in limits on text node
///   size, name length and entity amplification), `XML_PARSE_XINCLUDE`.
enum XMLReaderOptions {
    static let hostileInput: Int32 = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
}
