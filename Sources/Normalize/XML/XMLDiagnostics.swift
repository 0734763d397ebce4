internal import CLibXML2
import Foundation

/// Collects libxml2's errors for one parse.
///
/// Only the first ``maxKept`` messages are kept: a binary file parsed as XML in recover mode can
/// yield an error per byte, and the caller needs a sample, not all of them.
final class XMLDiagnostics {
    static let maxKept = 20

    private(set) var warnings: [ParseWarning] = []
    /// Errors reported by libxml2 (kept or not).
    private(set) var errorCount = 0
    /// Messages not kept because ``maxKept`` was reached.
    private(set) var droppedCount = 0
    /// An entity-expansion bomb was detected (by us or by libxml2's loop check).
    private(set) var entityExpansionStopped = false

    func record(code: Int32, line: Int32, message: String) {
        errorCount += 1
        if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) { entityExpansionStopped = true }
        append(ParseWarning(line: Int(line), message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    func note(_ message: String) {
        append(ParseWarning(message: message))
    }

    func entityBombDetected(name: String) {
        entityExpansionStopped = true
        note("entity '\(name)' is defined from other entities (expansion bomb); parsing stopped")
    }

    private func append(_ warning: ParseWarning) {
        guard warnings.count < Self.maxKept else {
            droppedCount += 1
            return
        }
        warnings.append(warning)
    }
}
