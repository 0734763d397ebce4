/// Whether an element named like furniture ("related-posts", "teaser-list", "more-stories")
/// is a list of teasers: items side by side, nearly every one carrying a link to another page.
///
/// `PageAnalysis` never removes an element holding half the page's prose, whatever its name,
/// because article wrappers carry names like `content has-sidebar`. On a short article the
/// related-posts block beneath it (a headline link and an excerpt per item) holds that much
/// too; its shape tells it from a wrapper, whose children are paragraphs that mostly link
/// nowhere. The element itself or one of its children (the `ul` under a heading) is the list.
struct TeaserList {
    let tree: HTMLTree
    let chars: [Int32]
    let linkChars: [Int32]
    let removed: [Bool]

    /// Items a list needs at least.
    static let minimumItems = 3

    func contains(_ index: Int32) -> Bool {
        if isList(index) { return true }
        var child = tree.node(index).firstChild
        var looked = 0
        while child >= 0 && looked < 8 {
            if tree.node(child).tag != .text {
                if isList(child) { return true }
                looked += 1
            }
            child = tree.node(child).nextSibling
        }
        return false
    }

    /// Teasers are short; a child longer than this is a section of an article or a page.
    static let maximumItemCharacters: Int32 = 800

    /// Three or more live children with text, all list items or all articles (paragraphs and
    /// sections are an article's parts) and short, at least three in four of them holding a
    /// link, and together most of the element's text.
    private func isList(_ index: Int32) -> Bool {
        var items = 0
        var linked = 0
        var covered: Int32 = 0
        var itemTag: HTMLTag?
        var child = tree.node(index).firstChild
        while child >= 0 {
            let slot = Int(child)
            let tag = tree.node(child).tag
            if tag != .text && !removed[slot] && chars[slot] > 0 {
                if itemTag == nil { itemTag = tag }
                guard tag == itemTag, tag == .li || tag == .article,
                      chars[slot] <= Self.maximumItemCharacters else { return false }
                items += 1
                covered += chars[slot]
                if linkChars[slot] > 0 { linked += 1 }
            }
            child = tree.node(child).nextSibling
        }
        return items >= Self.minimumItems && linked * 4 >= items * 3 && covered * 10 >= chars[Int(index)] * 8
    }
}
