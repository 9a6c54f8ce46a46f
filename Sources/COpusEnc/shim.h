// libopusenc from Debian's libopusenc-dev.
#include <opus/opusenc.h>

// ope_encoder_ctl is variadic and its requests are macros; Swift can call neither, so these name the two we set.
static inline int companion_ope_set_bitrate(OggOpusEnc *encoder, opus_int32 bitsPerSecond) {
    return ope_encoder_ctl(encoder, OPUS_SET_BITRATE(bitsPerSecond));
}

static inline int companion_ope_set_complexity(OggOpusEnc *encoder, opus_int32 complexity) {
    return ope_encoder_ctl(encoder, OPUS_SET_COMPLEXITY(complexity));
}


static inline int companion_ope_set_frame_duration(OggOpusEnc *encoder, opus_int32 duration) {
    return ope_encoder_ctl(encoder, OPUS_SET_EXPERT_FRAME_DURATION(duration));
}
