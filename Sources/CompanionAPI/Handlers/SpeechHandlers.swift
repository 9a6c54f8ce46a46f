import Accounts
import Foundation
import OpenAPIRuntime
import Speech
import Storage

extension APIHandlers {
    func synthesizeSpeech(_ input: Operations.SynthesizeSpeech.Input) async throws -> Operations.SynthesizeSpeech.Output {
        let principal = try RequestScope.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send a JSON body.") }
        let request = try SpeechRequest(
            text: body.text, language: try SpeechChoice.parse(body.lang, field: "lang"),
            voice: try SpeechChoice.parse(body.voice, field: "voice") ?? .female,
            format: try SpeechChoice.parse(body.format, field: "format") ?? .mp3, rate: body.rate ?? 1, pitch: body.pitch ?? 1)
        try await services.admit(principal.subjectId, under: services.requestLimits.speech)
        let result = try await services.speechLibrary.speak(request, for: principal.subjectId)
        return .ok(.init(body: .json(Self.speech(result))))
    }

    func getSpeechAudio(_ input: Operations.GetSpeechAudio.Input) async throws -> Operations.GetSpeechAudio.Output {
        let principal = try RequestScope.requirePrincipal()
        let key = input.path.key
        guard let audio = try await services.speechLibrary.audio(personalKey: key, for: principal.subjectId) else { throw NotFound("audio") }
        // ETag and Cache-Control are set by AudioCacheHeadersMiddleware: the generated code would percent-encode them.
        if let wanted = input.headers.ifNoneMatch, wanted.contains("\"\(key)\"") || wanted.trimmingCharacters(in: .whitespaces) == "*" {
            return .notModified(.init())
        }
        let bytes = HTTPBody(audio.file.chunks(), length: .known(Int64(audio.file.byteCount)), iterationBehavior: .single)
        switch audio.format {
        case .mp3: return .ok(.init(body: .audioMpeg(bytes)))
        case .opus: return .ok(.init(body: .audioOgg(bytes)))
        case .wav: return .ok(.init(body: .audioWav(bytes)))
        }
    }

    static func speech(_ result: SpeechResult) -> Components.Schemas.Speech {
        .init(
            audioUrl: "/v1/speech/audio/\(result.key)", key: result.key, format: result.format, durationMs: result.durationMs,
            sampleRate: result.sampleRate, byteCount: result.byteCount,
            words: result.words.map { .init(text: $0.text, start: $0.start, end: $0.end, startMs: $0.startMs, endMs: $0.endMs) },
            visemes: result.visemes.map { .init(id: $0.id, startMs: $0.startMs) })
    }
}
