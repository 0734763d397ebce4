/// Failures of the dedupe index.
public enum DedupeError: Error, Equatable, CustomStringConvertible {
    /// The stored index was built with other fingerprint parameters and cannot be compared.
    case incompatibleIndex(stored: String, current: String)
    /// A stored sample is not a whole number of 32-bit hashes.
    case corruptEntry(id: String)

    /// A sentence for the operator, naming the way out.
    public var description: String {
        switch self {
        case .incompatibleIndex(let stored, let current):
            "the dedupe index was built with other parameters (\(stored)); this build uses \(current): delete the dedupe tables to rebuild"
        case .corruptEntry(let id):
            "the stored dedupe entry of \(id) is corrupt"
        }
    }
}
