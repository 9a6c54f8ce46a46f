import ModelRuntime

/// The drafting engines a server offers: the built-in one always, a model when one is configured.
public struct DraftingEngines: Sendable {
    public let builtIn: any DraftingEngine
    public let model: (any DraftingEngine)?

    public init(builtIn: any DraftingEngine = BuiltInDrafter(), model: (any DraftingEngine)? = nil) {
        self.builtIn = builtIn
        self.model = model
    }

    /// `builtin` (the default) or `model`.
    func engine(named name: String?) throws -> any DraftingEngine {
        switch name ?? "builtin" {
        case "builtin": return builtIn
        case "model":
            guard let model else { throw RecordsError.engineUnavailable("model") }
            return model
        default:
            throw RecordsError.engineUnavailable(name ?? "")
        }
    }
}
