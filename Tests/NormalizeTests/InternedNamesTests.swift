import Foundation
import Testing

@testable import Normalize

@Suite struct InternedNamesTests {
    /// Far more names than slots, looked up in two rounds: every lookup gives the name its own
    /// pointer holds, whatever it evicted.
    @Test func everyPointerGetsItsOwnName() {
        let names = (0..<1_000).map { "element-\($0)" }
        let pointers = names.map { strdup($0)! }
        defer { pointers.forEach { free($0) } }
        var table = InternedNames()
        for _ in 0..<2 {
            for (name, pointer) in zip(names, pointers) {
                let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
                #expect(table.name(bytes) == name)
            }
        }
        #expect(table.name(nil) == nil)
    }

    /// A feed with more distinct element names than the table has slots still reads every field.
    @Test func aFeedWithManyExtensionElementsKeepsItsFields() throws {
        let extras = (0..<600).map { "<x:e\($0)>v</x:e\($0)>" }.joined()
        let items = (0..<5).map { "<item><title>T\($0)</title>\(extras)<link>https://a.example/\($0)</link></item>" }.joined()
        let xml = #"<rss version="2.0" xmlns:x="urn:x"><channel>\#(items)</channel></rss>"#
        let feed = try FeedParser.parse(Data(xml.utf8), url: URL(string: "https://a.example/feed")!)
        #expect(feed.entries.map(\.title) == (0..<5).map { "T\($0)" })
        #expect(feed.entries.map { $0.link?.absoluteString } == (0..<5).map { "https://a.example/\($0)" })
    }
}
