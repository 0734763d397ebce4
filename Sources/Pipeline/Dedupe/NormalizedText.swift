/// A text folded for comparison: lower-case tokens separated by single spaces, UTF-8.
///
/// Token boundaries are kept so that a shingle (a run of tokens) is one contiguous byte range
/// and can be hashed without building a string.
struct NormalizedText: Sendable {
    /// The folded text, tokens joined by one space.
    var bytes: [UInt8] = []
    /// Byte offset of the first byte of each token.
    var tokenStarts: [Int32] = []
    /// Byte offset one past the last byte of each token.
    var tokenEnds: [Int32] = []
    /// Tokens that are single characters of a script written without spaces.
    var unspacedTokens = 0

    var tokenCount: Int { tokenStarts.count }

    /// Most tokens come from a script written without spaces (Chinese, Japanese, Thai…).
    var isMostlyUnspaced: Bool { unspacedTokens * 2 > tokenCount }
}
