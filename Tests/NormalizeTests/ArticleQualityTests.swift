import Foundation
import Testing
@testable import Normalize

@Suite("Article quality flags")
struct ArticleQualityTests {
    @Test func goodArticleIsConfidentAndUnflagged() throws {
        let quality = try ArticleFixtureLoader.extract("harbour-bridge").quality
        #expect(quality.method == .densityScoring)
        #expect(quality.confidence >= 0.6)
        #expect(!quality.tooShort && !quality.paywall && !quality.consentWall && !quality.scriptOnly)
    }

    @Test func scriptOnlyShellIsFlagged() throws {
        let article = try ArticleFixtureLoader.extract("script-only")
        #expect(article.bodyLines.isEmpty)
        #expect(article.text.isEmpty)
        #expect(article.quality.scriptOnly)
        #expect(article.quality.tooShort)
        #expect(article.quality.method == QualityFlags.Method.none)
        #expect(article.quality.confidence == 0)
    }

    @Test func consentInterstitialIsFlagged() throws {
        let article = try ArticleFixtureLoader.extract("consent-wall")
        #expect(article.quality.consentWall)
        #expect(article.quality.tooShort)
        #expect(!article.text.contains("cookies"))
    }

    @Test func paywallTeaserIsFlaggedAndKeepsTheTeaser() throws {
        let article = try ArticleFixtureLoader.extract("paywall-teaser")
        #expect(article.quality.paywall)
        #expect(article.bodyLines.count == 2)
        #expect(!article.text.contains("Subscribe"))
    }

    @Test func shortBodyIsFlaggedTooShort() {
        let html = ArticleFixtureLoader.page(paragraphs: [ArticleFixtureLoader.prose[0]])
        let article = ArticleFixtureLoader.extract(html: html)
        #expect(article.bodyLines == [ArticleFixtureLoader.prose[0]])
        #expect(article.quality.tooShort)
        #expect(!ArticleFixtureLoader.extract(html: ArticleFixtureLoader.page(
            paragraphs: ArticleFixtureLoader.prose)).quality.tooShort)
    }

    @Test func agreementWithStructuredBodyRaisesConfidence() {
        let body = ArticleFixtureLoader.prose.joined(separator: " ")
        let matching = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"\(body)\"}</script>"
        let different = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"Completely unrelated words about a football match that ended in a draw after extra time was played.\"}</script>"
        let agree = ArticleFixtureLoader.extract(html: ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose, head: matching))
        let disagree = ArticleFixtureLoader.extract(html: ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose, head: different))
        #expect(agree.quality.confidence > disagree.quality.confidence)
    }
}
