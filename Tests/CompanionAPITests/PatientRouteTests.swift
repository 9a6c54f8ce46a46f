import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

@Suite("Patient profile routes")
struct PatientRouteTests {
    @Test("create, list, read, update, delete", arguments: TestEngine.available)
    func crud(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let token = try await api.login().accessToken
            let created = try await api.send(
                .post, "/v1/patients",
                json: """
                    {"name":"李奶奶","gender":"female","birthDate":"1949-12-31","idNumber":"11010519491231002x","phone":"13900139000","allergies":["青霉素","花粉"]}
                    """, token: token)
            #expect(created.status == .created)
            let body = try created.json()
            let id = body["id"] as! String
            #expect(body["idNumber"] as? String == "11010519491231002X")
            #expect(body["allergies"] as? [String] == ["青霉素", "花粉"])

            let listed = try await api.send(.get, "/v1/patients?limit=5", token: token)
            #expect((try listed.json()["items"] as? [[String: Any]])?.count == 1)

            let read = try await api.send(.get, "/v1/patients/\(id)", token: token)
            #expect(try read.json()["name"] as? String == "李奶奶")

            let patched = try await api.send(.patch, "/v1/patients/\(id)", json: #"{"phone":"","allergies":[]}"#, token: token)
            #expect(patched.status == .ok)
            #expect(try patched.json()["phone"] == nil)
            #expect(try patched.json()["allergies"] as? [String] == [])
            #expect(try patched.json()["name"] as? String == "李奶奶")

            let deleted = try await api.send(.delete, "/v1/patients/\(id)", token: token)
            #expect(deleted.status == .noContent)
            let gone = try await api.send(.get, "/v1/patients/\(id)", token: token)
            #expect(gone.status == .notFound)
        }
    }

    @Test("another account's profile is 404 on every route that takes its id", arguments: TestEngine.available)
    func otherAccountsProfile(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let owner = try await api.login("13800138000").accessToken
            let id = try await api.createPatient(owner)
            let stranger = try await api.login("13900139000").accessToken
            let get = try await api.send(.get, "/v1/patients/\(id)", token: stranger)
            let patch = try await api.send(.patch, "/v1/patients/\(id)", json: #"{"name":"黑客"}"#, token: stranger)
            let delete = try await api.send(.delete, "/v1/patients/\(id)", token: stranger)
            for response in [get, patch, delete] {
                #expect(response.status == .notFound)
                #expect(response.problemCode == "not_found")
            }
            let still = try await api.send(.get, "/v1/patients/\(id)", token: owner)
            #expect(try still.json()["name"] as? String == "王小宝")
            let strangersList = try await api.send(.get, "/v1/patients", token: stranger)
            #expect((try strangersList.json()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("the eleventh profile is refused with too_many_profiles")
    func limit() async throws {
        try await withAPI { api in
            let token = try await api.login().accessToken
            for _ in 0..<10 { _ = try await api.createPatient(token) }
            let eleventh = try await api.send(.post, "/v1/patients", json: #"{"name":"多余","gender":"male","birthDate":"2000-01-01"}"#, token: token)
            #expect(eleventh.status == .conflict)
            #expect(eleventh.problemCode == "too_many_profiles")
        }
    }

    @Test("validation failures list every bad field")
    func validation() async throws {
        try await withAPI { api in
            let token = try await api.login().accessToken
            let response = try await api.send(.post, "/v1/patients", json: #"{"name":"","gender":"x","birthDate":"2999-01-01"}"#, token: token)
            #expect(response.status == .unprocessableContent)
            #expect(response.problemCode == "validation_failed")
            let fields = (try response.json()["errors"] as? [[String: String]])?.compactMap { $0["field"] } ?? []
            #expect(Set(fields).isSuperset(of: ["name", "gender", "birthDate"]))
        }
    }
}
