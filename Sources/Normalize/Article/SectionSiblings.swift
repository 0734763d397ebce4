/// The article's other sections when the density winner is one of several alike.
///
/// Long articles are often cut into section wrappers of one class, each holding a subheading
/// and its paragraphs (`<div class="paragraph_wrapper">` three times, an ad slot between). The
/// winner is then the paragraphs of one section; its own siblings are only the section's
/// subheading, and climbing to the sections' parent is refused when a related-link line or a
/// teaser beside the sections lifts its link share. Here the winner is lifted to its section
/// (wrappers that add no prose, only a subheading or the like) and the section's siblings of
/// the same class that read as prose join it.
struct SectionSiblings {
    let analysis: PageAnalysis
    var tree: HTMLTree { analysis.tree }

    /// How many wrappers the winner may be lifted through.
    static let maximumLift = 3
    /// Link share above which a section is a teaser list, not the article's.
    static let maximumLinkDensity = 0.25
    /// Prose a sibling must hold to be a section: layout classes (`uk-width-1-1`, `col-12`)
    /// also wrap a newsletter box's one sentence.
    static let minimumProse: Int32 = 200

    /// The sections in document order (the winner's own among them), or nil when the winner
    /// is not one of several sections of one class.
    func sections(around top: Int32) -> [Int32]? {
        var section = top
        var steps = 0
        while steps < Self.maximumLift {
            let parent = tree.node(section).parent
            guard parent > 0, !tree.isAboveBody(parent), !analysis.removed[Int(parent)],
                  analysis.prose[Int(parent)] == analysis.prose[Int(section)],
                  analysis.chars[Int(parent)] - analysis.chars[Int(section)] <= ContainerWidening.negligibleCharacters
            else { break }
            section = parent
            steps += 1
        }
        let hint = tree.hint(section)
        let parent = tree.node(section).parent
        guard section != top, !hint.isEmpty, parent > 0 else { return nil }
        var found: [Int32] = []
        var sibling = tree.node(parent).firstChild
        while sibling >= 0 {
            defer { sibling = tree.node(sibling).nextSibling }
            if sibling == section {
                found.append(sibling)
                continue
            }
            guard !analysis.removed[Int(sibling)], analysis.prose[Int(sibling)] >= Self.minimumProse,
                  analysis.linkDensity(sibling) < Self.maximumLinkDensity,
                  tree.hint(sibling).elementsEqual(hint) else { continue }
            found.append(sibling)
        }
        return found.count > 1 ? found : nil
    }
}
