#ifndef WGMFIG_CMALLOC_SHIM_H
#define WGMFIG_CMALLOC_SHIM_H
/* glibc's malloc tuning (mallopt and its parameter names), which the Glibc module does not export. */
#include <malloc.h>
#endif
