import Foundation

extension Records {
    /// The record as a FHIR R4 document Bundle, for whoever may read the record (and audited as such).
    public func fhir(id: String, by actor: RecordActor) async throws -> Data {
        let (record, encounter) = try await record(id: id, by: actor, action: "read_fhir")
        return try FHIRDocument.bundle(record, encounter: encounter)
    }
}
