import ArgumentParser
import Dialogue
import Foundation
import Logging
import ModelRuntime
import NIOCore
import Records

/// Where the OpenAI-compatible model server is, for the `model` drafting and conversation engines. The API key is read from the
/// environment only (COMPANION_MODEL_API_KEY), so it never shows in a process list.
struct ModelOptions: ParsableArguments {
    @Option(help: "Base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (vLLM, llama.cpp, Ollama). Env: COMPANION_MODEL_URL")
    var modelURL: String?

    @Option(help: "Model name the server knows. Env: COMPANION_MODEL_NAME. Default: default")
    var modelName: String?

    @Option(help: "Seconds to wait for one answer. Env: COMPANION_MODEL_TIMEOUT_SECONDS. Default: 60")
    var modelTimeoutSeconds: Int?

    /// The model engine, or nil when no server is configured.
    func modelEngine(environment env: [String: String] = ProcessInfo.processInfo.environment, logger: Logger = Logger(label: "companion.model"))
        throws -> ModelDrafter?
    {
        try configuration(environment: env).map { ModelDrafter(configuration: $0, logger: logger) }
    }

    /// The conversation's understanding engine by name: `builtin`, or `model` (needs the server).
    func understanding(named name: String, environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> any Understanding {
        switch name {
        case "builtin": return BuiltInUnderstanding()
        case "model":
            guard let configuration = try configuration(environment: env) else {
                throw ValidationError("the model conversation engine needs --model-url (or COMPANION_MODEL_URL)")
            }
            return ModelUnderstanding(client: ChatCompletionClient(configuration: configuration))
        default: throw ValidationError("the conversation engine must be builtin or model")
        }
    }

    /// With the model conversation engine, answers to hospital questions in the model's words (grounded, railed).
    func answers(engine name: String, environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> (any AnswerWriting)? {
        guard name == "model", let configuration = try configuration(environment: env) else { return nil }
        return ModelAnswerWriter(client: ChatCompletionClient(configuration: configuration))
    }

    /// Where the server is and how long to wait, or nil when no server is configured.
    func configuration(environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> ModelConfiguration? {
        guard let url = modelURL ?? env["COMPANION_MODEL_URL"] else { return nil }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw ValidationError("--model-url must be an http(s) URL such as http://127.0.0.1:8000/v1")
        }
        let seconds = modelTimeoutSeconds ?? env["COMPANION_MODEL_TIMEOUT_SECONDS"].flatMap(Int.init) ?? 60
        guard (1...600).contains(seconds) else { throw ValidationError("--model-timeout-seconds must be from 1 to 600") }
        return ModelConfiguration(
            baseURL: url, model: modelName ?? env["COMPANION_MODEL_NAME"] ?? "default", apiKey: env["COMPANION_MODEL_API_KEY"],
            timeout: .seconds(Int64(seconds)))
    }

    /// The engines a server offers.
    func drafting(logger: Logger) throws -> DraftingEngines {
        DraftingEngines(model: try modelEngine(logger: logger))
    }

    /// The engine a command asked for by name.
    func engine(named name: String) throws -> any DraftingEngine {
        switch name {
        case "builtin": return BuiltInDrafter()
        case "model":
            guard let engine = try modelEngine() else { throw ValidationError("--engine model needs --model-url (or COMPANION_MODEL_URL)") }
            return engine
        default: throw ValidationError("--engine must be builtin or model")
        }
    }
}
