/// Changes the sample rate of mono 16-bit audio.
enum Resampler {
    /// Linear interpolation between neighbouring samples: cheap, and good enough below the target codec's band.
    static func linear(_ input: [Int16], from sourceRate: Int, to targetRate: Int) -> [Int16] {
        guard !input.isEmpty, sourceRate > 0, targetRate > 0 else { return input }
        let count = input.count * targetRate / sourceRate
        let step = Double(sourceRate) / Double(targetRate)
        return [Int16](unsafeUninitializedCapacity: count) { output, initialized in
            input.withUnsafeBufferPointer { source in
                let last = source.count - 1
                for index in 0..<count {
                    let position = Double(index) * step
                    let lower = min(Int(position), last)
                    let upper = min(lower + 1, last)
                    let fraction = position - Double(lower)
                    output[index] = Int16(Double(source[lower]) * (1 - fraction) + Double(source[upper]) * fraction)
                }
            }
            initialized = count
        }
    }
}
