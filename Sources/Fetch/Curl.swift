internal import CCurl
public import Foundation
public enum Curl { public static func version() -> String { String(cString: curl_version()) } }
