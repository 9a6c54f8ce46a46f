// libmp3lame from Debian's libmp3lame-dev.
#include <lame/lame.h>
