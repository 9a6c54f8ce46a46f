import Foundation
import Records
import Storage

extension APIHandlers {
    func listAccessLog(_ input: Operations.ListAccessLog.Input) async throws -> Operations.ListAccessLog.Output {
        guard case .admin = try await recordActor() as RecordActor else { throw Problem.forbidden("The access log is for administrators.") }
        let query = input.query
        if let since = query.since, let until = query.until, until <= since {
            throw ValidationFailed([FieldError("until", "Must be after since.")])
        }
        let page = try await services.accessLog.entries(
            accountId: query.accountId, patientId: query.patientId, actor: query.actor, since: query.since, until: query.until,
            limit: try Self.limit(query.limit), cursor: query.cursor)
        return .ok(
            .init(
                body: .json(
                    .init(
                        nextCursor: page.nextCursor,
                        items: page.items.map {
                            .init(
                                id: $0.id, at: $0.at, actor: $0.actor, action: $0.action, accountId: $0.accountId, patientId: $0.patientId,
                                subjectKind: .init(rawValue: $0.subjectKind) ?? .record, subjectId: $0.subjectId)
                        }))))
    }
}
