/// The built-in drafting engine: extractive and deterministic, no weights. Reads the transcript with lexicons and
/// small rules and writes only what it can point to.
public struct BuiltInDrafter: DraftingEngine {
    public static let version = "1.0.0"
    public let info = EngineInfo(name: "builtin", version: BuiltInDrafter.version)

    public init() {}

    public func draft(_ request: DraftRequest) async throws -> Draft {
        draftNow(request)
    }

    /// The same draft, synchronously (the engine does no I/O).
    public func draftNow(_ request: DraftRequest) -> Draft {
        let statements: [String: [DraftStatement]]
        let separator: String
        let ending: String
        switch request.template {
        case .zhOutpatient:
            statements = OutpatientWriter(facts: ChineseConsultation(request.transcript)).sections()
            separator = "，"
            ending = "。"
        case .enSOAP:
            statements = SOAPWriter(facts: EnglishConsultation(request.transcript)).sections()
            separator = " "
            ending = ""
        }
        let sections = request.template.sections.map { layout -> DraftSection in
            let found = statements[layout.key] ?? []
            // Orders are listed with commas, as records write them, unless a prescription line has commas of its
            // own: then semicolons keep the orders apart.
            let between =
                request.template == .zhOutpatient && layout.key == "plan" && found.contains(where: { $0.text.contains("，") }) ? "；" : separator
            let text = found.isEmpty ? layout.whenEmpty : Self.joined(found.map(\.text), separator: between, ending: ending)
            return DraftSection(key: layout.key, title: layout.title, text: text, statements: found)
        }
        return Draft(template: request.template, engine: info, sections: sections)
    }

    static func joined(_ texts: [String], separator: String, ending: String) -> String {
        guard !ending.isEmpty else { return texts.joined(separator: separator) }
        let body = texts.map { $0.trimmingSuffix("。，；") }.joined(separator: separator)
        return body.hasSuffix("？") ? body : body + ending
    }
}

extension String {
    func trimmingSuffix(_ characters: String) -> String {
        var text = self
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return text
    }
}
