/// Random texts made of chosen pieces, the same on every run (a fixed-seed linear congruential
/// generator): for tests that compare a fast path with its plain form on many inputs.
enum PieceTexts {
    /// `count` texts of `piecesPerText` pieces each, drawn from `pieces`.
    static func samples(_ pieces: [String], count: Int, piecesPerText: Int, seed: UInt64) -> [[UInt8]] {
        let pieces = pieces.map { Array($0.utf8) }
        var state = seed
        return (0..<count).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<piecesPerText {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += pieces[Int(state >> 33) % pieces.count]
            }
            return bytes
        }
    }
}
