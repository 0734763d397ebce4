/// The `<meta>` names, properties and `itemprop`s publishers and CMSs put dates in, lower-cased
/// as `MetadataReader` keys them, in order of trust within each family.
enum MetaDateNames {
    /// OpenGraph article times: the publisher's own statement of first publication.
    static let published = [
        "article:published_time", "og:article:published_time", "og:published_time", "article:published",
        "published_time",
    ]
    /// Dublin Core, citation, CMS and analytics names.
    static let other = [
        "datepublished", "dc.date.issued", "dcterms.issued", "dc.issued", "dc.date.created", "dcterms.created",
        "citation_publication_date", "citation_date", "citation_online_date", "prism.publicationdate",
        "pubdate", "publishdate", "publish-date", "publish_date", "published-date", "published_date",
        "publication_date", "publication-date", "date_published", "originalpublicationdate",
        "original-publish-date", "article_date_original", "article.published", "sailthru.date",
        "parsely-pub-date", "cxenseparse:recs:publishtime", "datecreated", "date.created", "created",
        "dc.date", "dcterms.date", "date", "og:pubdate", "pub_date", "rnews:datepublished",
        "article.created", "content_create_date", "displaydate", "dc.date.published",
        // Korean portals' registration time (`og:regDate`, `20210820030646`).
        "og:regdate",
        // Dublin Core in RDFa (`<meta property="dc:date">`).
        "dcterms:issued", "dcterms:created", "dc:created", "dc:date", "dcterms:date",
    ]
    /// Modification times: never the publication date.
    static let modified = [
        "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
        "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "article.updated",
        "sailthru.lastmodified", "parsely-updated", "modified_time", "updated_time",
        "article:modified", "og:modified_time", "dcterms:modified", "dc:modified", "dc.modified",
        "lastmodified", "last_modified", "dateupdate", "dateupdated",
    ]

    /// Any other key that names a publication, creation or upload (`shareaholic:article_published_time`,
    /// `bt:pubdate`, `site:uploaded`, `releasedate`) and none of an edit or an expiry: the
    /// words, not a list of every CMS's spelling.
    static func soundsPublished(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count <= 60 else { return false }
        return naming.contains { contains(bytes, $0) } && !excluding.contains { contains(bytes, $0) }
    }

    private static let naming: [[UInt8]] = ["publish", "pubdate", "uploaded", "created", "release", "issued"].map { Array($0.utf8) }
    private static let excluding: [[UInt8]] = ["modif", "updat", "edit", "expir", "revis", "embargo", "unpublish"]
        .map { Array($0.utf8) }

    /// Whether `needle` occurs in `bytes` (both short: a plain scan is cheapest).
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in
            bytes[start..<start + needle.count].elementsEqual(needle)
        }
    }
}
