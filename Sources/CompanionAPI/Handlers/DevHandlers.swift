import Storage

extension APIHandlers {
    func getDevClock(_ input: Operations.GetDevClock.Input) async throws -> Operations.GetDevClock.Output {
        guard services.devClock != nil else { throw Problem.notFound("route") }
        return .ok(.init(body: .json(.init(now: services.clock.now()))))
    }

    func setDevClock(_ input: Operations.SetDevClock.Input) async throws -> Operations.SetDevClock.Output {
        guard let clock = services.devClock else { throw Problem.notFound("route") }
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send a JSON body.") }
        clock.set(body.now)
        return .ok(.init(body: .json(.init(now: clock.now()))))
    }
}
