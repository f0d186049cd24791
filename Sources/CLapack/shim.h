#ifndef WGMFIG_CLAPACK_SHIM_H
#define WGMFIG_CLAPACK_SHIM_H
/* LAPACKE's default complex type is C99 `double _Complex`, which Swift cannot import.
   Use a plain struct with the same layout instead. */
#include <stddef.h>
typedef struct { float real, imag; } wgm_complex_float;
typedef struct { double real, imag; } wgm_complex_double;
#define LAPACK_COMPLEX_CUSTOM
#define lapack_complex_float wgm_complex_float
#define lapack_complex_double wgm_complex_double
#include <lapacke.h>
#include <cblas.h>
#endif
