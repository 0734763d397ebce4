internal import CLibXML2
public import Foundation

public enum LibXML {
    public static func version() -> String { String(cString: __xmlParserVersion().pointee!) }
}
