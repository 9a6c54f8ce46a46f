@testable import ModelRuntime

/// The built-in engine's draft of a transcript: the 门诊病历 unless another template is asked for.
func builtInDraft(_ transcript: [TranscriptTurn], template: DraftTemplate = .zhOutpatient) -> Draft {
    BuiltInDrafter().draftNow(DraftRequest(transcript: transcript, template: template))
}
