import Foundation
import Testing
@testable import Pipeline

@Suite("Dedupe JSON-lines stream")
struct DedupeStreamTests {
    @Test(arguments: [
        (#"{"id": 1, "text": "x"}"#, #"line 4: expected a string "id""#),
        (#"{"id": "a"}"#, #"line 4: expected a string "text""#),
        (#"["id", "text"]"#, "line 4: expected a JSON object"),
        (#"{"id": "a", "text": "#, "line 4: not valid JSON"),
    ])
    func malformedLinesNameTheLine(line: String, message: String) {
        #expect(throws: DedupeStream.MalformedLine.self) { try DedupeStream.parse(Data(line.utf8), number: 4) }
        do {
            _ = try DedupeStream.parse(Data(line.utf8), number: 4)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func blankLinesAreSkippedAndLastLineNeedsNoNewline() throws {
        let lines = DedupeStream.lines(Data("{\"id\":\"a\",\"text\":\"t\"}\n \r\n{\"id\":\"b\",\"text\":\"u\"}".utf8))
        #expect(lines.count == 3)
        #expect(try DedupeStream.parse(lines[1], number: 2) == nil)
        #expect(try DedupeStream.parse(lines[2], number: 3)?.id == "b")
    }

    @Test func outputLinesAreJSON() throws {
        let unique = DedupeStream.outputLine(id: "a\"b", decision: .unique)
        #expect(unique == #"{"id": "a\"b", "duplicate_of": null, "similarity": 0.0}"#)
        let duplicate = DedupeStream.outputLine(id: "c", decision: .duplicate(of: "a\nb", similarity: 0.875))
        let object = try JSONSerialization.jsonObject(with: Data(duplicate.utf8)) as? [String: Any]
        #expect(object?["duplicate_of"] as? String == "a\nb")
        #expect(object?["similarity"] as? Double == 0.875)
    }

    @Test func processDecidesInInputOrderAcrossBatches() throws {
        let engine = try DedupeEngine(now: DedupeFixtures.start)
        var stream = DedupeStream(engine: engine)
        stream.batchSize = 3
        let reports = try DedupeFixtures.reports()
        var documents = zip(DedupeFixtures.reportNames, reports).map { DedupeStream.Document(id: $0, text: $1) }
        documents.append(.init(id: "copy-of-4", text: DedupeFixtures.trimmedReprint(reports[3], share: 0.6)))
        documents.append(.init(id: "copy-of-copy", text: DedupeFixtures.trimmedReprint(reports[3], share: 0.6)))
        let decisions = try stream.process(documents, at: DedupeFixtures.start)
        #expect(decisions.map(\.duplicateOf) == [nil, nil, nil, nil, nil, "report-4-business-daily", "report-4-business-daily"])
    }
}
