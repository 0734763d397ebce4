/// Short lines of the page that sign the article in plain text — "Von Jana Becker",
/// "Auteur : Kofi Mensah", "Text: Olga Brandt" — on pages without byline markup.
///
/// Only asked for when no other source names a person: it reads the first bytes of each
/// text node, and makes a string only for a line that starts with a lead-in and is short.
/// Lines inside teasers, related lists, comments and sidebars sign other items.
struct SignedLines {
    let tree: HTMLTree

    /// Lead-ins that open a signature line, lower case, with the space or colon that follows;
    /// matched without regard to ASCII case ("BY JANE ROE", "Von:").
    private static let openers: [[UInt8]] = [
        "von ", "von:", "by ", "by:", "par ", "par:", "par :", "por ", "por:", "door ", "door:", "av ", "af ",
        "autor:", "autorin:", "autoren:", "autor :", "autora:", "autores:", "author:", "authors:",
        "auteur :", "auteur:", "auteurs :", "auteurs:", "text:", "texte:", "texte :", "texto:", "testo:",
        "tekst:", "redaktion:", "redacción:", "rédaction :", "rédaction:", "text von ", "written by ",
        "escrito por ", "posted by ", "geschrieben von ", "verfasst von ", "erstellt von ",
        "publié par ", "publicado por ", "scritto da ", "oleh ", "oleh:", "yazar:", "szerző:", "teksti:",
        "kirjoittaja:", "piše:", "skrevet af ", "skrevet av ", "geschreven door ",
    ].map { Array($0.utf8) }

    /// `openers` by their first letter (a–z), so a line is compared only with its own.
    private static let openersByLetter: [[[UInt8]]] = (0..<26).map { letter in
        openers.filter { $0.first == UInt8(0x61 + letter) }
    }

    /// Longest signature line, in bytes.
    static let longestLine = 80

    /// Texts of signature lines, nearest the headline first.
    func texts(headline: Int32?, limit: Int = 3) -> [String] {
        var found: [(node: Int32, text: String)] = []
        for index in 1..<tree.nodes.count where found.count < 12 {
            let node = tree.nodes[index]
            guard node.tag == .text, !node.flags.contains(.blank) else { continue }
            var start = Int(node.start)
            let end = Int(node.end)
            start = Self.skipLeading(tree.text, from: start, end: end)
            guard start < end else { continue }
            // The whole line: the text's parent element, when it is short.
            var parent = node.parent
            if Self.isLoneLeadIn(tree.text, from: start, end: end) {
                // "By <a>Jane Roe</a>", "<span>Von</span> <a>Jana Roe</a>": the name is a sibling.
                guard parent > 0 else { continue }
                let label = tree.subtreeEnd(parent) - parent <= 1 ? parent : Int32(index)
                if label == parent { parent = tree.nodes[Int(parent)].parent }
                guard parent > 0, tree.subtreeEnd(parent) - parent > 1 else { continue }
                // In a longer line ("<strong>Autor:</strong> <a>Jana Roe</a><br><strong>Tags:</strong> …")
                // the label and the element right after it are the signature.
                if tree.subtreeEnd(parent) - parent > 8, let line = labelled(label), !inOtherZone(parent, headline: headline) {
                    found.append((parent, line))
                    continue
                }
            } else {
                guard Self.opens(tree.text, at: start, end: end) else { continue }
            }
            guard parent > 0, tree.subtreeEnd(parent) - parent <= 8 else { continue }
            switch tree.nodes[Int(parent)].tag {
            case .p, .div, .span, .em, .strong, .b, .i, .small, .td, .li, .address, .h4, .h5, .h6: break
            default: continue
            }
            let line = tree.textContent(parent)
            guard line.utf8.count <= Self.longestLine, !inOtherZone(parent, headline: headline) else { continue }
            found.append((parent, line))
        }
        let ranked = found.sorted { distance($0.node, headline) < distance($1.node, headline) }
        return ranked.prefix(limit).map(\.text)
    }

    /// The text of the lead-in `label` and of the short element right after it, skipping blanks.
    private func labelled(_ label: Int32) -> String? {
        var next = tree.nodes[Int(label)].nextSibling
        while next >= 0, tree.nodes[Int(next)].tag == .text, tree.nodes[Int(next)].flags.contains(.blank) {
            next = tree.nodes[Int(next)].nextSibling
        }
        guard next >= 0 else { return nil }
        switch tree.nodes[Int(next)].tag {
        case .a, .span, .strong, .b, .em, .i: break
        default: return nil
        }
        guard tree.subtreeEnd(next) - next <= 2 else { return nil }
        let line = tree.textContent(label) + " " + tree.textContent(next)
        return line.utf8.count <= Self.longestLine ? line : nil
    }

    /// Past the blanks and separators a line may start with ("- Redaktion: …", "| By …").
    private static func skipLeading(_ text: [UInt8], from start: Int, end: Int) -> Int {
        var index = start
        while index < end {
            switch text[index] {
            case 0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: "/"):
                index += 1
            case 0xC2 where index + 1 < end && (text[index + 1] == 0xA0 || text[index + 1] == 0xB7):
                index += 2 // no-break space, middle dot
            case 0xE2 where index + 2 < end && text[index + 1] == 0x80 && (0x93...0x94).contains(text[index + 2]):
                index += 3 // en and em dash
            default:
                return index
            }
        }
        return index
    }

    /// Lead-ins that may stand alone in a text node, the name following in another element.
    private static let loneLeadIns: [[UInt8]] = [
        "by", "von", "par", "por", "door", "av", "af", "autor", "author", "auteur", "text", "redaktion",
        "written by", "posted by", "verfasst von", "geschrieben von", "erstellt von", "text von",
        "escrito por", "publicado por", "publié par", "écrit par", "scritto da",
    ].map { Array($0.utf8) }

    /// The text node holds only a lead-in ("By ", "Von:", "Autor: ").
    private static func isLoneLeadIn(_ text: [UInt8], from start: Int, end: Int) -> Bool {
        var last = end
        while last > start && (text[last - 1] == 0x20 || text[last - 1] == 0x0A || text[last - 1] == 0x09
                                || text[last - 1] == UInt8(ascii: ":")) { last -= 1 }
        guard last - start >= 2 && last - start <= 16 else { return false }
        return loneLeadIns.contains { leadIn in
            guard leadIn.count == last - start else { return false }
            for offset in 0..<leadIn.count where lower(text[start + offset]) != leadIn[offset] { return false }
            return true
        }
    }

    private static func opens(_ text: [UInt8], at start: Int, end: Int) -> Bool {
        let first = lower(text[start])
        guard first >= 0x61 && first <= 0x7A else { return false }
        for opener in openersByLetter[Int(first - 0x61)] where end - start > opener.count {
            var same = true
            for offset in 0..<opener.count where Self.lower(text[start + offset]) != opener[offset] {
                same = false
                break
            }
            // The name after the lead-in starts with a capital (or is a non-ASCII letter).
            if same {
                var next = start + opener.count
                while next < end && text[next] == 0x20 { next += 1 }
                if next < end && (text[next] >= 0x41 && text[next] <= 0x5A || text[next] >= 0xC3) { return true }
            }
        }
        return false
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Inside comments, teasers, related lists, sidebars or `nav` (a zone word on a wrapper
    /// holding most of the page, or on one holding the headline, does not count), or inside a
    /// quotation or a figure: an embedded post's "— Name (@handle)" signs the post, a
    /// caption's line credits the photographer.
    func inOtherZone(_ node: Int32, headline: Int32?) -> Bool {
        let half = Int32(tree.nodes.count / 2)
        let headlineEnd = headline ?? -1
        var current = node
        var steps = 0
        while current > 0 && steps < 40 {
            steps += 1
            let element = tree.nodes[Int(current)]
            switch element.tag {
            case .nav, .aside, .blockquote, .figure, .figcaption: return true
            default: break
            }
            if element.hintStart != element.hintEnd,
               BylineHints.matcher.groups(in: ClassHints.withoutTermClasses(tree.hint(current), tags: true))
                   & (BylineHints.zoneBit | BylineHints.hardZoneBit) != 0,
               tree.subtreeEnd(current) - current < half,
               !(current < headlineEnd && tree.subtreeEnd(current) >= headlineEnd) {
                return true
            }
            current = element.parent
        }
        return false
    }

    private func distance(_ node: Int32, _ headline: Int32?) -> Int32 {
        guard let headline else { return node }
        return node >= headline ? node - headline : (headline - node) * 2
    }
}
