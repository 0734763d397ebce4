/// Sets the quality flags and confidence of an extraction from what the page showed.
struct QualityAssessor {
    let minimumBodyCharacters: Int

    func assess(body: BodySelection.Body, analysis: PageAnalysis, metadata: MetadataReader.Result) -> QualityFlags {
        var flags = QualityFlags(method: body.method)
        // NFC (applied since the count) never changes the number of characters.
        let length = body.characterCount
        let pageChars = Int(analysis.chars.first ?? 0)
        flags.tooShort = length < minimumBodyCharacters
        flags.scriptOnly = pageChars < 200 && analysis.tree.nodes.count < 400 && length < 200
        let walls = wallMarkers(analysis)
        flags.paywall = metadata.paywallHint || walls & Self.paywallBit != 0
        flags.consentWall = length < minimumBodyCharacters && walls & Self.consentBit != 0

        var confidence: Double
        switch body.method {
        case .densityScoring: confidence = 0.6 + min(body.score, 100) / 250
        case .structuredData: confidence = 0.6
        case .paragraphFallback: confidence = 0.4
        case .none: confidence = 0
        }
        if length >= 1500 { confidence += 0.1 } else if length < minimumBodyCharacters { confidence *= 0.4 }
        if flags.paywall { confidence *= 0.7 }
        if flags.consentWall || flags.scriptOnly { confidence *= 0.3 }
        if let structured = metadata.structured.articleBody, body.method != .structuredData {
            // Agreement with the publisher's own copy of the body is the strongest evidence.
            let agreement = Self.overlap(body.lines, structured)
            confidence = confidence * 0.6 + agreement * 0.4
        }
        flags.confidence = max(0, min(1, (confidence * 100).rounded() / 100))
        return flags
    }

    static let paywallBit: UInt32 = 1
    static let consentBit: UInt32 = 2
    private static let wallWords = PatternSet(groups: [
        ["paywall", "subscriber-only", "subscribers-only", "premium-content", "regwall", "metered",
         "piano-", "tp-modal", "article-locked", "locked-content", "subscription-wall"],
        ["cookie", "consent", "gdpr", "cmp-", "privacy-wall", "onetrust"],
    ])

    /// Which walls any element (even a hidden one) names in its class/id.
    private func wallMarkers(_ analysis: PageAnalysis) -> UInt32 {
        let tree = analysis.tree
        var found: UInt32 = 0
        for index in 1..<tree.nodes.count {
            let node = tree.nodes[index]
            guard node.hintEnd > node.hintStart else { continue }
            found |= Self.wallWords.groups(in: tree.hint(Int32(index)))
            if found == Self.paywallBit | Self.consentBit { break }
        }
        return found
    }

    /// Share of the structured body's words that appear in the extracted lines.
    /// Share of the reference's words (its first 400) found among the extracted words.
    /// Words are hashed from bytes with ASCII case folding, so no strings are built.
    static func overlap(_ lines: [String], _ structured: String) -> Double {
        var extracted = Set<UInt64>()
        for line in lines { WordHashes.forEach(line) { extracted.insert($0) } }
        var total = 0
        var found = 0
        WordHashes.forEach(structured, limit: 400) { hash in
            total += 1
            if extracted.contains(hash) { found += 1 }
        }
        return total > 0 ? Double(found) / Double(total) : 0
    }
}

/// Splits text into words (runs of letters and digits; any non-ASCII byte counts as a
/// letter) and reports each word's FNV-1a hash, lower-casing ASCII on the way.
enum WordHashes {
    static func forEach(_ text: String, limit: Int = .max, _ body: (UInt64) -> Void) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var length = 0
        var words = 0
        for var byte in text.utf8 {
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39)
                || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWordByte {
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                length += 1
            } else if length > 0 {
                body(hash)
                words += 1
                if words >= limit { return }
                hash = 0xCBF2_9CE4_8422_2325
                length = 0
            }
        }
        if length > 0 { body(hash) }
    }
}
