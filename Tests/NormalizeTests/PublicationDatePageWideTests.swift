import Foundation
import Testing
@testable import Normalize

/// The last-resort search over the whole page (`PageWideDates`), used only when no metadata,
/// URL or headline dateline dates the page.
@Suite("Publication date: page-wide last resort")
struct PublicationDatePageWideTests {
    private static func published(_ body: String) -> String? {
        PublicationDateSignalsTests.published(body: body)
    }

    @Test func aLabelledPublicationDateInTheFooterIsTaken() {
        #expect(Self.published("""
            <h1>Story</h1><footer><p class="footer-line">Last change: 31.10.2023 - 14:49<br>
            Published on: 01.11.2023</p></footer>
            """) == "2023-11-01")
    }

    @Test func aThreadIsDatedByItsFirstPost() {
        #expect(Self.published("""
            <h1>Question about the app store</h1>
            <div class="comments"><div class="comment"><span>28.09.19</span><span>12:44</span> First post</div>
            <div class="comment"><span>21.09.19</span> A quoted older thread</div>
            <div class="comment"><span>29.09.19</span><span>11:20</span> A reply</div></div>
            """) == "2019-09-28")
    }

    @Test func anUpdatedLabelIsNotTakenAsThePublication() {
        #expect(Self.published("""
            <h1>Story</h1><footer><p>Updated: 02.03.2021</p><p>Opening hours 10.01.2020 to 20.01.2020</p></footer>
            """) == "2020-01-10")
    }

    @Test func aLabelledDateBeatsATimeInTheComments() {
        // A reader's comment carries its own `<time>`; the post says when it was published.
        let filler = (1...50).map { "<p>Paragraph \($0) of the episode notes.</p>" }.joined()
        let comments = """
            <ol class="comment-list"><li class="comment"><div class="comment-metadata">
            <time datetime="2019-08-24T03:36:11+02:00">24 August 2019</time></div><p>Great episode</p></li></ol>
            """
        #expect(Self.published("<h2>Episode 158</h2>\(filler)<p>Published on 16.08.2019</p>\(comments)") == "2019-08-16")
        // With no labelled date, the comment's time is still the best guess there is.
        #expect(Self.published("<h2>Episode 158</h2>\(filler)\(comments)") == "2019-08-24")
    }

    @Test func aSpecificSignalStillWins() {
        #expect(Self.published("""
            <h1>Story</h1><p class="date">5 March 2021</p><footer><p>Published on: 01.11.2023</p></footer>
            """) == "2021-03-05")
    }
}

/// Meta keys outside the known families that still name a publication or upload.
@Suite("Publication date: meta keys by their words")
struct PublicationDateMetaWordsTests {
    @Test func aPublishOrUploadKeyIsRead() {
        #expect(PublicationDateSignalsTests.published(
            head: "<meta property=\"photosite:uploaded\" content=\"2013-02-16T04:36:36-05:00\">") == "2013-02-16")
        #expect(PublicationDateSignalsTests.published(
            head: "<meta name=\"cms:article_publish_stamp\" content=\"2019-07-03\">") == "2019-07-03")
    }

    @Test func editAndExpiryKeysAreNot() {
        #expect(MetaDateNames.soundsPublished("shareaholic:article_published_time"))
        #expect(!MetaDateNames.soundsPublished("cms:publish_expires"))
        #expect(!MetaDateNames.soundsPublished("site:last_published_update"))
        #expect(PublicationDateSignalsTests.published(
            head: "<meta name=\"cms:publish_expires\" content=\"2019-07-03\">") == nil)
    }
}
