import ArgumentParser
import ModelRuntime

/// Which drafting engine to use, and where the model server is when it is the model.
struct ModelOptions: ParsableArguments {
    @Option(help: "Base URL of an OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1).")
    var modelURL: String?

    @Option(help: "Model name to ask the server for.")
    var modelName: String?

    func engine(named name: String) throws -> any DraftingEngine {
        switch name {
        case "builtin": return BuiltInDrafter()
        default: throw ValidationError("--engine must be builtin or model")
        }
    }
}
