internal import CLibXML2

/// Parses UTF-8 HTML into an `HTMLTree` with libxml2's SAX interface.
///
/// The SAX route avoids building libxml2's own DOM (twice the parse cost) and lets the
/// builder drop scripts and styles as they stream past. The parser context is the only C
/// pointer and never leaves `parse`.
enum HTMLParser {
    /// Recover from any markup, never touch the network, and stay quiet: formatting parse
    /// errors is a large share of libxml2's time on real pages. The document was already
    /// transcoded to UTF-8, so in-document charset declarations must be ignored.
    static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2 2.9 needs its globals set up once before threads use it; a `static let`
    /// initialiser runs exactly once, thread-safely, on first use.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// `utf8` must be valid UTF-8 without NUL bytes (see `CharsetDecoder`); `hints` holds the
    /// `class` and `id` values `MarkupPrefilter` lifted out of it.
    static func parse(utf8: [UInt8], hints: HintStash? = nil) -> HTMLTree {
        _ = initialized
        let box = HTMLTreeBuilderBox(expectedBytes: utf8.count)
        box.builder.hintStash = hints
        guard !utf8.isEmpty, utf8.count < Int(Int32.max) else { return box.builder.finish() }
        utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let context = htmlCreateMemoryParserCtxt(base, Int32(buffer.count)) else { return }
                defer { htmlFreeParserCtxt(context) }
                installHandler(context)
                context.pointee.userData = Unmanaged.passUnretained(box).toOpaque()
                _ = htmlCtxtUseOptions(context, options)
                // The bytes are UTF-8 already: declare it so libxml2 neither converts them
                // nor guesses Latin-1 at the first non-ASCII byte.
                context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
                withExtendedLifetime(box) {
                    _ = htmlParseDocument(context)
                }
                if let document = context.pointee.myDoc {
                    xmlFreeDoc(document)
                    context.pointee.myDoc = nil
                }
            }
        }
        return box.builder.finish()
    }

    /// The callbacks reach the builder without retaining its box (`parse` keeps it alive for
    /// the whole parse), since a retain and release per SAX event were 3% of a page's time.
    private static func installHandler(_ context: htmlParserCtxtPtr) {
        var handler = htmlSAXHandler()
        // SAX2's mark lets libxml2 hand errors to `serror` with their arguments; the HTML
        // parser still calls the SAX1 element callbacks.
        handler.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        handler.startElement = { userData, name, attributes in
            guard let userData, let name else { return }
            Unmanaged<HTMLTreeBuilderBox>.fromOpaque(userData)._withUnsafeGuaranteedRef {
                $0.builder.startElement(name, attributes)
            }
        }
        handler.endElement = { userData, _ in
            guard let userData else { return }
            Unmanaged<HTMLTreeBuilderBox>.fromOpaque(userData)._withUnsafeGuaranteedRef { $0.builder.endElement() }
        }
        // An end tag libxml2 ignores is reported as a tag mismatch (see `MisnestedEndTags`).
        handler.serror = { userData, error in
            guard let userData, let error, error.pointee.code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue),
                  let end = error.pointee.str1 else { return }
            end.withMemoryRebound(to: UInt8.self, capacity: 1) { end in
                Unmanaged<HTMLTreeBuilderBox>.fromOpaque(userData)._withUnsafeGuaranteedRef { $0.builder.tagMismatch(end: end) }
            }
        }
        handler.characters = { userData, bytes, count in
            guard let userData, let bytes else { return }
            Unmanaged<HTMLTreeBuilderBox>.fromOpaque(userData)._withUnsafeGuaranteedRef {
                $0.builder.characters(bytes, Int(count))
            }
        }
        // White space libxml2 deems ignorable still separates inline words.
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { userData, bytes, count in
            guard let userData, let bytes else { return }
            Unmanaged<HTMLTreeBuilderBox>.fromOpaque(userData)._withUnsafeGuaranteedRef {
                $0.builder.cdata(bytes, Int(count))
            }
        }
        context.pointee.sax.pointee = handler
    }
}
