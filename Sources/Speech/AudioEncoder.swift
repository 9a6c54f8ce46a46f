import CLame
import COpusEnc

/// Turns 16-bit mono samples into the bytes of an audio file.
public enum AudioEncoder {
    /// LAME's variable-bit-rate quality (0 best, 9 smallest): synthetic speech stays clear at 9, about 5 KB a second.
    static let mp3Quality: Int32 = 9
    /// Opus bit rate for speech: Opus is made for it; 24 kbit/s is clear and about 3 KB a second.
    static let opusBitsPerSecond: Int32 = 24_000
    /// Opus encoder effort (0–10, libopus's default 10). Synthetic speech at 24 kbit/s sounds the same to us at 0,
    /// which encodes four times as fast as 10 (`make bench`).
    static let opusComplexity: Int32 = 0

    public static func encode(_ samples: [Int16], sampleRate: Int, as format: SpeechFormat) throws(SpeechError) -> [UInt8] {
        switch format {
        case .wav: wav(samples, sampleRate: sampleRate)
        case .mp3: try mp3(samples, sampleRate: sampleRate)
        case .opus: try opus(samples, sampleRate: sampleRate)
        }
    }

    /// RIFF WAVE, PCM 16-bit little-endian, one channel.
    static func wav(_ samples: [Int16], sampleRate: Int) -> [UInt8] {
        let dataBytes = UInt32(samples.count * 2)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + samples.count * 2)
        func append(_ text: String) { bytes += Array(text.utf8) }
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append("RIFF")
        append32(36 + dataBytes)
        append("WAVEfmt ")
        append32(16)
        append16(1)  // PCM
        append16(1)  // mono
        append32(UInt32(sampleRate))
        append32(UInt32(sampleRate * 2))
        append16(2)  // bytes per frame
        append16(16)  // bits per sample
        append("data")
        append32(dataBytes)
        samples.withUnsafeBytes { raw in
            if Int16(1).littleEndian == 1 {
                bytes += raw
            } else {
                for sample in samples { append16(UInt16(bitPattern: sample)) }
            }
        }
        return bytes
    }

    /// MP3 through libmp3lame, variable bit rate, with a LAME info frame first so that decoders know the exact
    /// length (encoder delay and padding) and play it gaplessly. (At constant bit rates under 64 kbit/s the frames
    /// are too small to hold that frame, and LAME leaves it out.)
    static func mp3(_ samples: [Int16], sampleRate: Int) throws(SpeechError) -> [UInt8] {
        guard let lame = lame_init() else { throw .engineFailed("lame_init failed") }
        defer { lame_close(lame) }
        lame_set_in_samplerate(lame, Int32(sampleRate))
        lame_set_num_channels(lame, 1)
        lame_set_mode(lame, MONO)
        lame_set_VBR(lame, vbr_default)
        lame_set_VBR_q(lame, mp3Quality)
        lame_set_quality(lame, 7)  // fast; the voice is synthetic and narrow-band, a slower search adds nothing audible
        lame_set_bWriteVbrTag(lame, 1)
        guard lame_init_params(lame) >= 0 else { throw .engineFailed("lame_init_params failed") }

        var output = [UInt8](repeating: 0, count: samples.count * 5 / 4 + 7200)
        var written = 0
        let encoded = samples.withUnsafeBufferPointer { pcm in
            output.withUnsafeMutableBufferPointer { buffer in
                lame_encode_buffer(lame, pcm.baseAddress, pcm.baseAddress, Int32(pcm.count), buffer.baseAddress, Int32(buffer.count))
            }
        }
        guard encoded >= 0 else { throw .engineFailed("lame_encode_buffer returned \(encoded)") }
        written += Int(encoded)
        let flushed = output.withUnsafeMutableBufferPointer { buffer in
            lame_encode_flush(lame, buffer.baseAddress! + written, Int32(buffer.count - written))
        }
        guard flushed >= 0 else { throw .engineFailed("lame_encode_flush returned \(flushed)") }
        written += Int(flushed)
        output.removeSubrange(written...)

        // The first frame written was a placeholder for this one.
        var tag = [UInt8](repeating: 0, count: 2880)
        let tagSize = Int(lame_get_lametag_frame(lame, &tag, tag.count))
        if tagSize > 0, tagSize <= output.count { output.replaceSubrange(0..<tagSize, with: tag[0..<tagSize]) }
        return output
    }

    /// Opus in an Ogg container through libopusenc. The samples are brought to Opus's 48 kHz here, by linear
    /// interpolation: libopusenc's own resampler is made for music and costs more, while Opus at speech bit rates
    /// keeps nothing above 8–12 kHz, where the two differ.
    static func opus(_ samples: [Int16], sampleRate: Int) throws(SpeechError) -> [UInt8] {
        let samples = sampleRate == 48_000 ? samples : Resampler.linear(samples, from: sampleRate, to: 48_000)
        let sink = ByteSink()
        var callbacks = OpusEncCallbacks(
            write: { userData, pointer, length in
                guard let userData, let pointer else { return 1 }
                let sink = Unmanaged<ByteSink>.fromOpaque(userData).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: Int(length)))
                return 0
            },
            close: { _ in 0 })
        guard let comments = ope_comments_create() else { throw .engineFailed("ope_comments_create failed") }
        defer { ope_comments_destroy(comments) }
        var error: Int32 = 0
        let userData = Unmanaged.passUnretained(sink).toOpaque()
        guard let encoder = ope_encoder_create_callbacks(&callbacks, userData, comments, 48_000, 1, 0, &error) else {
            throw .engineFailed("ope_encoder_create_callbacks failed: \(error)")
        }
        defer { ope_encoder_destroy(encoder) }
        _ = companion_ope_set_serial_number(encoder, 0x436F_6D70)
        _ = companion_ope_set_bitrate(encoder, opusBitsPerSecond)
        _ = companion_ope_set_complexity(encoder, opusComplexity)
        // 60 ms packets instead of 20: a third of the per-packet work, and playback of a finished reply needs no
        // low latency (make bench: Opus encoding of 50 s of speech from 0.18 s to 0.10 s).
        _ = companion_ope_set_frame_duration(encoder, OPUS_FRAMESIZE_60_MS)
        let status = samples.withUnsafeBufferPointer { pcm in ope_encoder_write(encoder, pcm.baseAddress, Int32(pcm.count)) }
        guard status == OPE_OK else { throw .engineFailed("ope_encoder_write returned \(status)") }
        guard ope_encoder_drain(encoder) == OPE_OK else { throw .engineFailed("ope_encoder_drain failed") }
        return withExtendedLifetime(sink) { sink.bytes }
    }
}

/// Collects what libopusenc writes; lives until the encoder is destroyed.
private final class ByteSink {
    var bytes: [UInt8] = []
}
