// libespeak-ng from Debian's libespeak-ng-dev.
#include <stdio.h>
#include <espeak-ng/speak_lib.h>
