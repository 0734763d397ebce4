/// Swift strings for the names libxml2 keeps in its dictionary (element and attribute names,
/// namespace URIs): one pointer is always the same name, so each is converted once.
///
/// A small direct-mapped table keyed by the pointer's bits, not a `Dictionary`: a parse looks up
/// three names per element start and two per end, and hashing the pointer with SipHash was a
/// visible share of feed parsing. A collision only costs a fresh conversion.
struct InternedNames {
    private static let slots = 256
    private var pointers = [UnsafeRawPointer?](repeating: nil, count: InternedNames.slots)
    private var names = [String](repeating: "", count: InternedNames.slots)

    mutating func name(_ pointer: UnsafePointer<UInt8>?) -> String? {
        guard let pointer else { return nil }
        let raw = UnsafeRawPointer(pointer)
        // Dictionary strings are at least 8-byte aligned; mix in higher bits for spread.
        let bits = UInt(bitPattern: raw)
        let slot = Int(truncatingIfNeeded: (bits >> 3) ^ (bits >> 11)) & (Self.slots - 1)
        if pointers[slot] == raw { return names[slot] }
        let value = String(cString: pointer)
        pointers[slot] = raw
        names[slot] = value
        return value
    }
}
