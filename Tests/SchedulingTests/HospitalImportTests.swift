import CompanionTestSupport
import Foundation
import Scheduling
import SQLKit
import Storage
import Testing

@Suite("Hospital import from FHIR")
struct HospitalImportTests {
    static func directoryCounts(_ db: Database) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["hospitals", "locations", "departments", "doctors"] { counts.append(try await TestDatabase.count(table, in: db)) }
        return counts
    }

    @Test(
        "a second hospital imports beside the demo, twice with no duplicate and nothing written the second time",
        arguments: TestEngine.available)
    func importTwice(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await DemoHospital.seed(into: db)
            let definition = try HospitalBundleReader.read(try HospitalBundles.qingshan())
            let first = try await HospitalImport(database: db).run(definition)
            #expect(first.count("department", .added) == 12 && first.count("doctor", .added) == 20 && first.count("hospital", .added) == 1)
            let counts = try await Self.directoryCounts(db)
            let second = try await HospitalImport(database: db).run(definition)
            #expect(second.changes.isEmpty)
            #expect(try await Self.directoryCounts(db) == counts)
            let directory = Directory(database: db)
            #expect(try await directory.hospitals().map(\.id) == ["hosp_demo", "qingshan"])
            let combined = try await directory.department(id: "qs-wgk")
            #expect(combined.name == "五官科" && combined.nameEn == "Eye, ENT and Dental")
            #expect(combined.specialties == ["ophthalmology", "otolaryngology", "dentistry"])
            #expect(combined.location.floor == "2" && combined.location.room == "230")
            let doctors = try await directory.doctors(departmentId: "qs-dnk")
            #expect(doctors.map(\.title) == ["主任医师", "主治医师"], "from the qualification, then from the role's code")
            #expect(doctors.first?.nameEn == "Wang Deming")
            #expect(try await directory.departments(hospitalId: "hosp_demo").count == 27)
        }
    }

    @Test("the specialties a county hospital lacks go to the department its fallback chain finds")
    func fallbackRouting() throws {
        let routes = try HospitalBundleReader.read(try HospitalBundles.qingshan()).departmentsBySpecialty()
        #expect(routes["rheumatology"] == "qs-dnk")
        #expect(routes["respiratory"] == "qs-dnk")
        #expect(routes["psychiatry"] == "qs-dnk", "psychiatry → neurology, which 大内科 covers")
        #expect(routes["ophthalmology"] == "qs-wgk" && routes["dentistry"] == "qs-wgk")
        #expect(routes["hepatology"] == "qs-xhk")
        #expect(routes["neurosurgery"] == "qs-wk")
        #expect(routes["obstetrics"] == "qs-fck")
        #expect(routes["rehabilitation"] == "qs-gsk")
        #expect(routes["emergency_medicine"] == "qs-jzk")
    }

    @Test("a malformed bundle is refused whole, each problem named by entry and field", arguments: TestEngine.available)
    func malformed(engine: TestEngine) async throws {
        let data = try HospitalBundles.qingshan { resources in
            let service = HospitalBundles.index(of: "HealthcareService", "qs-xnk", in: resources)
            resources[service]["name"] = nil
            let role = HospitalBundles.index(of: "PractitionerRole", "qs-wk-r1", in: resources)
            resources[role]["healthcareService"] = [["reference": "HealthcareService/nowhere"]]
        }
        #expect {
            try HospitalBundleReader.read(data)
        } throws: { error in
            let problems = (error as? HospitalBundleInvalid)?.problems ?? []
            return problems.contains { $0.resource == "HealthcareService/qs-xnk" && $0.field == "name" && $0.entry != nil }
                && problems.contains { $0.resource == "PractitionerRole/qs-wk-r1" && $0.field == "healthcareService[0]" }
        }
        #expect(throws: HospitalBundleInvalid.self) { try HospitalBundleReader.read(Data(#"{"resourceType": "Bundle", "type": "searchset"}"#.utf8)) }
        #expect {
            try HospitalBundleReader.read(Data(#"{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"id": 7}}]}"#.utf8))
        } throws: { error in
            (error as? HospitalBundleInvalid)?.problems.first.map { $0.entry == 0 && $0.field.hasSuffix("id") } == true
        }
        try await TestDatabase.with(engine) { db in
            // An id another hospital already holds is refused before anything is written.
            try await DemoHospital.seed(into: db)
            let before = try await Self.directoryCounts(db)
            let clash = try HospitalBundleReader.read(
                try HospitalBundles.qingshan { resources in
                    resources[HospitalBundles.index(of: "HealthcareService", "qs-pfk", in: resources)]["id"] = "dept_dermatology"
                    for i in resources.indices
                    where (resources[i]["healthcareService"] as? [[String: String]])?.first?["reference"]?.hasSuffix("qs-pfk") == true {
                        resources[i]["healthcareService"] = [["reference": "HealthcareService/dept_dermatology"]]
                    }
                })
            await #expect(throws: HospitalBundleInvalid.self) { try await HospitalImport(database: db).run(clash) }
            #expect(try await Self.directoryCounts(db) == before)
        }
    }

    @Test(
        "an edited bundle updates in place; a doctor gone with patients booked is refused until retired with notices",
        arguments: TestEngine.available)
    func editAndRetire(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let importer = HospitalImport(database: f.db, clock: f.clock)
            let edited = try HospitalBundleReader.read(
                try HospitalBundles.qingshan { resources in
                    resources[HospitalBundles.index(of: "HealthcareService", "qs-pfk", in: resources)]["name"] = "皮肤性病科"
                    resources.remove(at: HospitalBundles.index(of: "PractitionerRole", "qs-dnk-r2", in: resources))
                })
            _ = try await importer.run(try HospitalBundleReader.read(try HospitalBundles.qingshan()))
            let (_, slots) = try await f.session(doctor: "qs-dnk-r2")
            let patient = try await f.patient()
            f.afterRelease()
            let booked = try await f.registration.book(.slot(slots[0].id), patientId: patient.patient, accountId: patient.account, reason: nil)

            let dry = try await importer.run(edited, dryRun: true, retire: true)
            #expect(dry.count("department", .updated) == 1 && dry.count("doctor", .retired) == 1 && dry.cancelledSessions == 1)
            await #expect(throws: HospitalImportRefused(booked: ["doctor qs-dnk-r2": 1])) {
                try await importer.run(edited)
            }
            #expect(try await f.registration.appointment(id: booked.id, for: .patient(accountId: patient.account)).status == .booked)
            #expect(try await Directory(database: f.db).department(id: "qs-pfk").name == "皮肤科", "nothing written by a refusal")

            let report = try await importer.run(edited, retire: true)
            #expect(report.count("doctor", .retired) == 1)
            let cancelled = try await f.registration.appointment(id: booked.id, for: .patient(accountId: patient.account))
            #expect(cancelled.status == .cancelled)
            #expect(try await f.registration.notifications(accountId: patient.account).contains { $0.kind == "session_closed" })
            let directory = Directory(database: f.db)
            #expect(try await directory.doctors(departmentId: "qs-dnk").map(\.id) == ["qs-dnk-r1"])
            #expect(try await directory.doctor(id: "qs-dnk-r2").name == "赵丽", "a retired doctor is still found for what points at him")
            #expect(try await directory.department(id: "qs-pfk").name == "皮肤性病科")
            #expect(try await importer.run(edited).changes.isEmpty)
        }
    }

    @Test("a bundle written by another system: a group above the hospital, places known by role code or name, a department with no place")
    func otherSystems() throws {
        let bundle = #"""
            {"resourceType": "Bundle", "type": "collection", "entry": [
             {"resource": {"resourceType": "Organization", "id": "group", "name": "Riverside Health Group"}},
             {"resource": {"resourceType": "Organization", "id": "riverside", "name": "Riverside Hospital", "partOf": {"reference": "Organization/group"}}},
             {"resource": {"resourceType": "Location", "id": "l-er", "name": "Emergency Room",
              "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "ER"}]}]}},
             {"resource": {"resourceType": "Location", "id": "l-pay", "name": "门诊收费处"}},
             {"resource": {"resourceType": "Location", "id": "l-ward", "name": "East wing"}},
             {"resource": {"resourceType": "HealthcareService", "id": "ae", "name": "Accident and Emergency", "providedBy": {"reference": "Organization/riverside"},
              "specialty": [{"coding": [{"system": "http://snomed.info/sct", "code": "394576009"}]}], "location": [{"reference": "Location/l-er"}]}},
             {"resource": {"resourceType": "HealthcareService", "id": "og", "name": "妇产科", "providedBy": {"reference": "Organization/riverside"},
              "specialty": [{"coding": [{"system": "http://snomed.info/sct", "code": "394585009"}]}]}},
             {"resource": {"resourceType": "Practitioner", "id": "p1", "name": [{"family": "Smith", "given": ["Jane"]}]}},
             {"resource": {"resourceType": "Practitioner", "id": "p2", "name": [{"family": "李", "given": ["芳"]}]}},
             {"resource": {"resourceType": "PractitionerRole", "id": "r1", "practitioner": {"reference": "Practitioner/p1"},
              "healthcareService": [{"reference": "HealthcareService/ae"}], "code": [{"coding": [{"display": "Consultant"}]}]}},
             {"resource": {"resourceType": "PractitionerRole", "id": "r2", "practitioner": {"reference": "Practitioner/p2"},
              "healthcareService": [{"reference": "HealthcareService/og"}]}}
            ]}
            """#
        let definition = try HospitalBundleReader.read(Data(bundle.utf8))
        #expect(definition.hospital.id == "riverside" && definition.hospital.timeZone == "Asia/Shanghai")
        #expect(
            Dictionary(uniqueKeysWithValues: definition.locations.map { ($0.id, $0.kind) })
                == ["l-er": "emergency", "l-pay": "payment", "l-ward": "department", "og.clinic": "department"])
        #expect(definition.departments.map(\.specialties) == [["emergency_medicine"], ["gynecology", "obstetrics"]])
        #expect(definition.departments[1].locationId == "og.clinic" && definition.warnings.contains { $0.contains("names no Location") })
        #expect(definition.departments.flatMap(\.doctors).map(\.name) == ["Jane Smith", "李芳"])
        #expect(definition.departments[0].doctors.first?.title == "Consultant")
    }
}
