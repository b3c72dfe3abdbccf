#ifndef SWITCHYARD_CCURL_SHIMS_H
#define SWITCHYARD_CCURL_SHIMS_H
#include <curl/curl.h>
#endif
