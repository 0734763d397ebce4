internal import CLibXML2
import Foundation

/// Collects libxml2's errors for one parse (the structured error handler's context).
///
/// Only the first ``maxKept`` messages are kept: a binary file parsed as XML in recover mode can
/// yield an error per byte, and the caller needs a sample, not all of them.
final class XMLDiagnostics {
    static let maxKept = 20

    private(set) var warnings: [ParseWarning] = []
    private(set) var errorCount = 0
    /// libxml2 stopped an entity expansion that grew too much or looped (a billion-laughs bomb).
    private(set) var entityExpansionStopped = false

    func record(code: Int32, line: Int32, message: String) {
        errorCount += 1
        if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) { entityExpansionStopped = true }
        guard warnings.count < Self.maxKept else { return }
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        warnings.append(ParseWarning(line: Int(line), message: trimmed))
    }

    func note(_ message: String) {
        guard warnings.count < Self.maxKept else { return }
        warnings.append(ParseWarning(message: message))
    }

    /// The C callback; `context` is an unretained `XMLDiagnostics` kept alive by its reader.
    static let structuredHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let diagnostics = Unmanaged<XMLDiagnostics>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
        diagnostics.record(code: error.pointee.code, line: error.pointee.line, message: message)
    }
}
