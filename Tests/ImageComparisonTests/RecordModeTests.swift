import Foundation
import ImageComparison
import XCTest

final class RecordModeTests: XCTestCase {
    func testParsingAcceptsTheFourModes() throws {
        for mode in RecordMode.allCases {
            XCTAssertEqual(try RecordMode(parsing: mode.rawValue), mode)
        }
        XCTAssertEqual(try RecordMode(parsing: " Failed "), .failed)
    }

    func testBadModeListsTheAllowedOnes() {
        XCTAssertThrowsError(try RecordMode(parsing: "sometimes")) { error in
            XCTAssertEqual(
                "\(error)", "invalid record mode 'sometimes' (from --record); allowed: missing, all, failed, never")
        }
    }

    func testEnvironmentVariableIsUsedWithoutAFlag() throws {
        XCTAssertEqual(try RecordMode.resolve(explicit: nil, environment: ["WGMFIG_RECORD": "never"]), .never)
        XCTAssertEqual(try RecordMode.resolve(explicit: nil, environment: ["WGMFIG_RECORD": "all"]), .all)
    }

    func testExplicitFlagWinsOverTheEnvironment() throws {
        XCTAssertEqual(try RecordMode.resolve(explicit: "failed", environment: ["WGMFIG_RECORD": "never"]), .failed)
        // The flag wins even when the variable holds garbage.
        XCTAssertEqual(try RecordMode.resolve(explicit: "all", environment: ["WGMFIG_RECORD": "bogus"]), .all)
    }

    func testDefaultIsNeverWhenNothingIsSet() throws {
        // Recording is never the default: a missing reference must fail, not be written.
        XCTAssertEqual(try RecordMode.resolve(explicit: nil, environment: [:]), .never)
        XCTAssertEqual(try RecordMode.resolve(explicit: nil, environment: ["WGMFIG_RECORD": ""]), .never)
    }

    func testBadEnvironmentValueNamesTheVariable() {
        XCTAssertThrowsError(try RecordMode.resolve(explicit: nil, environment: ["WGMFIG_RECORD": "yes"])) { error in
            XCTAssertEqual(
                "\(error)", "invalid record mode 'yes' (from WGMFIG_RECORD); allowed: missing, all, failed, never")
        }
    }
}
