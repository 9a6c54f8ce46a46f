import CompanionTestSupport
import Scheduling
import SQLKit
import Storage
import Testing

@Suite("Demo hospital and directory")
struct DemoHospitalTests {
    static let requiredDepartments = [
        "心血管内科", "呼吸内科", "消化内科", "神经内科", "内分泌科", "肾内科", "血液科", "风湿免疫科", "感染科", "肝病科",
        "普通内科", "普通外科", "骨科", "泌尿外科", "神经外科", "心胸外科", "妇科", "产科", "儿科", "眼科", "耳鼻喉科",
        "口腔科", "皮肤科", "精神心理科", "中医科", "康复科", "急诊科",
    ]

    @Test("the demo hospital has every department of a tertiary hospital, each with 2–4 doctors and a place", arguments: TestEngine.available)
    func departments(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await DemoHospital.seed(into: db)
            let directory = Directory(database: db)
            let hospital = try await directory.hospital(id: DemoHospital.hospitalId)
            #expect(hospital.timeZone == "Asia/Shanghai")
            let departments = try await directory.departments(hospitalId: hospital.id)
            #expect(Set(departments.map(\.name)).isSuperset(of: Self.requiredDepartments))
            for department in departments {
                #expect(!department.nameEn.isEmpty)
                #expect(!department.location.floor.isEmpty && !department.location.room.isEmpty)
                let doctors = try await directory.doctors(departmentId: department.id)
                #expect((2...4).contains(doctors.count), "\(department.name) has \(doctors.count) doctors")
                #expect(doctors.allSatisfy { !$0.title.isEmpty && !$0.specialty.isEmpty && !$0.nameEn.isEmpty })
            }
        }
    }

    @Test("registration, payment, laboratory, radiology, ultrasound and pharmacy can be found", arguments: TestEngine.available)
    func serviceLocations(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await DemoHospital.seed(into: db)
            let kinds = Set(try await Directory(database: db).locations(hospitalId: DemoHospital.hospitalId).map(\.kind))
            #expect(kinds.isSuperset(of: ["registration", "payment", "laboratory", "radiology", "ultrasound", "pharmacy", "emergency"]))
        }
    }

    @Test("seeding twice changes nothing", arguments: TestEngine.available)
    func idempotentSeed(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            #expect(try await DemoHospital.seed(into: db))
            let doctors = try await TestDatabase.count("doctors", in: db)
            let again = try await DemoHospital.seed(into: db)
            #expect(!again)
            let after = try await TestDatabase.count("doctors", in: db)
            #expect(after == doctors)
        }
    }

    @Test("unknown ids are not found", arguments: TestEngine.available)
    func notFound(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            try await DemoHospital.seed(into: db)
            let directory = Directory(database: db)
            await #expect(throws: NotFound.self) { try await directory.department(id: "dept_nope") }
            await #expect(throws: NotFound.self) { try await directory.doctor(id: "doc_nope") }
            await #expect(throws: NotFound.self) { try await directory.hospital(id: "hosp_nope") }
            let none = try await directory.doctors(departmentId: "dept_nope")
            #expect(none.isEmpty)
        }
    }
}
