import Scheduling

extension APIHandlers {
    func listHospitals(_ input: Operations.ListHospitals.Input) async throws -> Operations.ListHospitals.Output {
        let hospitals = try await services.directory.hospitals()
        return .ok(.init(body: .json(.init(items: hospitals.map { Self.hospital($0, locations: nil) }))))
    }

    func getHospital(_ input: Operations.GetHospital.Input) async throws -> Operations.GetHospital.Output {
        let hospital = try await services.directory.hospital(id: input.path.hospitalId)
        let locations = try await services.directory.locations(hospitalId: hospital.id)
        return .ok(.init(body: .json(Self.hospital(hospital, locations: locations))))
    }

    func listDepartments(_ input: Operations.ListDepartments.Input) async throws -> Operations.ListDepartments.Output {
        let departments = try await services.directory.departments(hospitalId: input.query.hospitalId)
        return .ok(.init(body: .json(.init(items: departments.map(Self.department)))))
    }

    func getDepartment(_ input: Operations.GetDepartment.Input) async throws -> Operations.GetDepartment.Output {
        .ok(.init(body: .json(Self.department(try await services.directory.department(id: input.path.departmentId)))))
    }

    func listDoctors(_ input: Operations.ListDoctors.Input) async throws -> Operations.ListDoctors.Output {
        let doctors = try await services.directory.doctors(departmentId: input.query.departmentId)
        return .ok(.init(body: .json(.init(items: doctors.map(Self.doctor)))))
    }

    func getDoctor(_ input: Operations.GetDoctor.Input) async throws -> Operations.GetDoctor.Output {
        .ok(.init(body: .json(Self.doctor(try await services.directory.doctor(id: input.path.doctorId)))))
    }

    static func hospital(_ h: Hospital, locations: [Location]?) -> Components.Schemas.Hospital {
        let lang = RequestScope.language
        return .init(
            id: h.id, name: lang.pick(h.name, h.nameEn), timeZone: h.timeZone,
            address: lang.pick(h.address, h.addressEn), phone: h.phone, locations: locations?.map(Self.location))
    }

    static func location(_ l: Location) -> Components.Schemas.Location {
        .init(
            id: l.id, kind: l.kind, name: RequestScope.language.pick(l.name, l.nameEn),
            building: l.building, floor: l.floor, zone: l.zone, room: l.room)
    }

    static func department(_ d: Department) -> Components.Schemas.Department {
        let lang = RequestScope.language
        return .init(
            id: d.id, hospitalId: d.hospitalId, name: lang.pick(d.name, d.nameEn),
            description: lang.pick(d.description, d.descriptionEn), location: location(d.location))
    }

    static func doctor(_ d: Doctor) -> Components.Schemas.Doctor {
        let lang = RequestScope.language
        return .init(
            id: d.id, departmentId: d.departmentId, name: lang.pick(d.name, d.nameEn),
            title: lang.pick(d.title, d.titleEn), specialty: lang.pick(d.specialty, d.specialtyEn))
    }
}
