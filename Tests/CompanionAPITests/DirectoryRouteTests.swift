import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Directory routes")
struct DirectoryRouteTests {
    @Test("hospitals, departments and doctors, in Chinese by default and English on request", arguments: TestEngine.available)
    func directory(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let hospitals = try await api.send(.get, "/v1/hospitals")
            let hospital = (try hospitals.json()["items"] as! [[String: Any]])[0]
            #expect(hospital["timeZone"] as? String == "Asia/Shanghai")
            let hospitalId = hospital["id"] as! String

            let detail = try await api.send(.get, "/v1/hospitals/\(hospitalId)")
            let kinds = Set((try detail.json()["locations"] as! [[String: Any]]).compactMap { $0["kind"] as? String })
            #expect(kinds.isSuperset(of: ["registration", "payment", "laboratory", "radiology", "ultrasound", "pharmacy"]))

            let departments = try await api.send(.get, "/v1/departments?hospitalId=\(hospitalId)")
            let items = try departments.json()["items"] as! [[String: Any]]
            #expect(items.count >= 27)
            let pediatrics = items.first { $0["name"] as? String == "儿科" }!
            #expect((pediatrics["location"] as? [String: Any])?["floor"] != nil)

            let english = try await api.send(.get, "/v1/departments/\(pediatrics["id"] as! String)", headers: [.acceptLanguage: "en-US,en;q=0.9"])
            #expect(try english.json()["name"] as? String == "Pediatrics")

            let doctors = try await api.send(.get, "/v1/doctors?departmentId=\(pediatrics["id"] as! String)")
            let doctorItems = try doctors.json()["items"] as! [[String: Any]]
            #expect((2...4).contains(doctorItems.count))
            let doctor = try await api.send(.get, "/v1/doctors/\(doctorItems[0]["id"] as! String)", headers: [.acceptLanguage: "en"])
            #expect((try doctor.json()["title"] as? String)?.contains("Physician") == true)
        }
    }

    @Test("directory answers are cached per language and may be cached by the client")
    func cached() async throws {
        try await withAPI { api in
            let first = try await api.send(.get, "/v1/departments?hospitalId=hosp_demo")
            let second = try await api.send(.get, "/v1/departments?hospitalId=hosp_demo")
            #expect(first.headers[.cacheControl] == "public, max-age=60")
            #expect(second.text == first.text)
            let english = try await api.send(.get, "/v1/departments?hospitalId=hosp_demo", headers: [.acceptLanguage: "en"])
            #expect(english.text.contains("Pediatrics"))
            #expect(!english.text.contains("儿科"))
            let patients = try await api.send(.get, "/v1/patients")
            #expect(patients.headers[.cacheControl] != "public, max-age=60", "private routes are never cached")
        }
    }

    @Test("unknown directory ids are 404 problems")
    func unknownIds() async throws {
        try await withAPI { api in
            for path in ["/v1/hospitals/nope", "/v1/departments/nope", "/v1/doctors/nope"] {
                let response = try await api.send(.get, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.isProblem)
            }
        }
    }
}
