import Testing
@testable import Normalize

/// The publication's name at the end of a page title goes; other last segments stay.
@Suite("Title without the site's name")
struct TitleSiteNameTests {
    @Test func theSiteNameOrItsHostEndsTheTitle() {
        #expect(MetadataReader.stripSiteName("Bridge reopens - The Paper", "The Paper") == "Bridge reopens")
        #expect(MetadataReader.stripSiteName("Bridge reopens | LECKER", "lecker.de", host: "www.lecker.de") == "Bridge reopens")
        #expect(MetadataReader.stripSiteName("Bridge reopens - Il Mattino.it", "Il Mattino", host: "www.ilmattino.it")
                == "Bridge reopens")
        #expect(MetadataReader.stripSiteName("Storm report • CareElite", "CareElite") == "Storm report")
        #expect(MetadataReader.stripSiteName("Wochenbericht 14. - 20. Januar - SLF", nil, host: "www.slf.ch") == "Wochenbericht 14. - 20. Januar")
        #expect(MetadataReader.stripSiteName("Bridge reopens after storm - BBC News", nil, host: "www.bbc.co.uk")
                == "Bridge reopens after storm - BBC News")
        #expect(MetadataReader.stripSiteName("Bridge reopens after storm | BBC", nil, host: "www.bbc.co.uk") == "Bridge reopens after storm")
    }

    @Test func otherLastSegmentsStay() {
        #expect(MetadataReader.stripSiteName("Maulwurfkuchen - Rezept von Backen.de", nil, host: "www.backen.de")
                == "Maulwurfkuchen - Rezept von Backen.de")
        #expect(MetadataReader.stripSiteName("Patch Notes - Build 4.47", "Villagers & Heroes Forums") == "Patch Notes - Build 4.47")
        // A headline too short to stand alone keeps its segment.
        #expect(MetadataReader.stripSiteName("News - BBC", nil, host: "www.bbc.co.uk") == "News - BBC")
    }
}
