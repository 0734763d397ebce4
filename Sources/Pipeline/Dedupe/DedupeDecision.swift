/// What the dedupe index says about a text.
public enum DedupeDecision: Sendable, Equatable {
    /// No indexed text within the window is similar enough.
    case unique
    /// The text repeats an indexed one: `of` is the id of the first record of its group and
    /// `similarity` the estimated overlap (1.0 for identical normalized text).
    case duplicate(of: String, similarity: Double)

    /// The id of the earlier record, or `nil` for a unique text.
    public var duplicateOf: String? {
        if case .duplicate(let id, _) = self { return id }
        return nil
    }

    /// The similarity behind a duplicate decision; 0 for a unique text.
    public var similarity: Double {
        if case .duplicate(_, let value) = self { return value }
        return 0
    }
}
