/// Corrects a density winner that is narrower than the article.
///
/// Density scoring rewards the block with the most votes, and that is often one part of the
/// article: one of several `<section>`s of a long piece, the column of a page builder's row
/// while the next row holds the rest, the body without the lead paragraph that sits beside it,
/// or a table or list (many short cells each casting a vote) inside the text. Two corrections:
/// a table or list part is never the container itself, its enclosing block is; and the
/// container climbs to an ancestor while what the ancestor adds is more of the same — mostly
/// prose paragraphs and few links — rather than menus, teasers or link lists.
struct ContainerWidening {
    let analysis: PageAnalysis
    var tree: HTMLTree { analysis.tree }

    /// How many ancestors the container may climb.
    static let maximumSteps = 6
    /// Text an ancestor may add without prose (a heading, a date) and still be climbed through.
    static let negligibleCharacters: Int32 = 100

    func widen(_ top: Int32) -> Int32 {
        widenByProse(outOfTable(top))
    }

    /// A publisher-marked body (`itemprop="articleBody"`) often leaves out the lead paragraph
    /// above it, which the same microdata marks as the description: the body widens to take
    /// that in, and only that.
    func widenMarked(_ marked: Int32) -> Int32 {
        let widened = widenByProse(marked, leadingOnly: true)
        var index = widened + 1
        while index < marked {
            if let itemprop = tree.attributeBytes(index, .itemprop), itemprop.elementsEqual("description".utf8) {
                return widened
            }
            index += 1
        }
        return marked
    }

    /// The nearest ancestor of a table or list part that is neither (a few levels at most).
    func outOfTable(_ top: Int32) -> Int32 {
        var current = top
        var steps = 0
        while steps < 5, Self.isTableOrListPart(tree.node(current).tag) {
            let parent = tree.node(current).parent
            guard parent > 0, !tree.isAboveBody(parent) else { break }
            current = parent
            steps += 1
        }
        return current
    }

    /// The highest ancestor within reach whose text beyond the container's is prose: at least
    /// 60% in paragraph-like blocks and at most 20% inside links. Wrappers that add only a
    /// little non-prose text are climbed through on the way, but never chosen for it alone.
    /// With `leadingOnly`, an ancestor qualifies only when all it adds comes before the
    /// container: the lead paragraph left outside a publisher-marked body, not what follows it.
    func widenByProse(_ top: Int32, leadingOnly: Bool = false) -> Int32 {
        var best = top
        var current = top
        var steps = 0
        while steps < Self.maximumSteps {
            let parent = tree.node(current).parent
            guard parent > 0, !tree.isAboveBody(parent), !analysis.removed[Int(parent)] else { break }
            if leadingOnly && charactersAfter(current, within: parent) > 0 { break }
            steps += 1
            current = parent
            let extra = analysis.chars[Int(parent)] - analysis.chars[Int(best)]
            let extraProse = analysis.prose[Int(parent)] - analysis.prose[Int(best)]
            let extraLinks = analysis.linkChars[Int(parent)] - analysis.linkChars[Int(best)]
            if extraProse <= 0 {
                if extra <= Self.negligibleCharacters { continue }
                break
            }
            if Self.isCleanProse(characters: extra, prose: extraProse, links: extraLinks) {
                best = parent
                continue
            }
            break
        }
        return best
    }

    /// Whether text of these measures reads as article prose: at least 60% of it in
    /// paragraph-like blocks and at most 8% inside links (teaser lists run at 10–25%).
    static func isCleanProse(characters: Int32, prose: Int32, links: Int32) -> Bool {
        characters > 0 && prose * 10 >= characters * 6 && links * 100 <= characters * 8
    }

    /// Live text of `parent`'s children that follow `child`.
    private func charactersAfter(_ child: Int32, within parent: Int32) -> Int32 {
        var total: Int32 = 0
        var sibling = tree.node(child).nextSibling
        while sibling >= 0 {
            if !analysis.removed[Int(sibling)] { total += analysis.chars[Int(sibling)] }
            sibling = tree.node(sibling).nextSibling
        }
        return total
    }

    static func isTableOrListPart(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .table, .thead, .tbody, .tfoot, .tr, .td, .th, .ul, .ol, .li, .dl, .dt, .dd: return true
        default: return false
        }
    }
}
