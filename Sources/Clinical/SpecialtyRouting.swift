extension ClinicalKnowledge {
    /// The hospital's department for each specialty, from what each department covers (in the hospital's display
    /// order, so the first department covering a specialty is its own): a specialty no department covers goes to the
    /// department of the first specialty along its `fallback` chain that has one (rheumatology → internal medicine),
    /// and is left out when none has.
    public func departments(covering departments: [(id: String, specialties: [String])]) -> [String: String] {
        var direct: [String: String] = [:]
        for department in departments {
            for specialty in department.specialties where direct[specialty] == nil { direct[specialty] = department.id }
        }
        var routed: [String: String] = [:]
        for id in specialties.keys {
            var current: String? = id
            var seen: Set<String> = []
            while let specialty = current, seen.insert(specialty).inserted {
                if let department = direct[specialty] {
                    routed[id] = department
                    break
                }
                current = self.specialties[specialty]?.fallback
            }
        }
        return routed
    }
}
