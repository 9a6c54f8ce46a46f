/// The hospital a conversation is with, as a model is told about it: its name and its departments. The departments
/// are context only: a department still comes from the knowledge and the hospital's configuration, never from a model.
public struct HospitalContext: Sendable, Equatable {
    public struct Names: Sendable, Equatable {
        public var zh: String
        public var en: String

        public init(zh: String, en: String) {
            self.zh = zh
            self.en = en
        }

        /// The name in `language`; the Chinese one when there is no English one.
        func pick(_ language: Language) -> String { language.pick(zh, en.isEmpty ? zh : en) }
    }

    public var name: Names
    public var departments: [Names]

    public init(name: Names, departments: [Names]) {
        self.name = name
        self.departments = departments
    }
}
