internal import CLibXML2

/// Process-wide libxml2 set-up.
public enum LibXML {
    /// The libxml2 version in use, e.g. `20914`.
    public static func version() -> String { String(cString: __xmlParserVersion().pointee!) }

    /// Initialises libxml2's global state once, before threads parse concurrently (libxml2
    /// asks for this from the main thread). Safe to call again.
    public static func initialize() { xmlInitParser() }
}
