import Scheduling
import Storage
extension APIHandlers {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        let reachable = await services.database.isReachable()
        let migrated = reachable ? await services.migrator.isUpToDate(on: services.database) : false
        let hospitals = migrated ? try? await services.directory.hospitals().count : nil
        let health = Components.Schemas.Health(
            status: reachable && migrated ? .ok : .unavailable,
            database: reachable ? .ok : .unreachable,
            migrations: migrated ? .ok : .pending,
            hospitals: hospitals
        )
        return reachable && migrated ? .ok(.init(body: .json(health))) : .serviceUnavailable(.init(body: .json(health)))
    }
}
