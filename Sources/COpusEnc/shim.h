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

// A fixed Ogg stream serial number instead of a random one: the same speech is the same bytes on every instance.
static inline int companion_ope_set_serial_number(OggOpusEnc *encoder, opus_int32 serial) {
    return ope_encoder_ctl(encoder, OPE_SET_SERIALNO(serial));
}
