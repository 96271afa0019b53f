#ifndef FLOAT_FORMAT_H
#define FLOAT_FORMAT_H

/* x as printf's %e, %f or %g (conversion 'e', 'f', 'g', or 'E', 'F', 'G'
 * for capitals) writes it, with precision (-1: the default, 6) and the
 * '#' flag (alt): without its sign, width or padding, which the caller
 * adds.  Infinity is "inf", NaN "nan".  A malloc'd string, NULL when
 * memory ran out. */
char *format_float(long double x, char conversion, int precision, int alt);

#endif
