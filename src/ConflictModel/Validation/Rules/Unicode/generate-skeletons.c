/* Dumps UTS #39 skeletons of single code points from ICU's spoof checker (its copy of confusables.txt). */
#include <stdio.h>
#include <unicode/uspoof.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>
int main(void) {
  UErrorCode st = U_ZERO_ERROR;
  USpoofChecker *sc = uspoof_open(&st);
  if (U_FAILURE(st)) { fprintf(stderr, "uspoof_open: %s\n", u_errorName(st)); return 1; }
  UVersionInfo v; char vs[U_MAX_VERSION_STRING_LENGTH];
  u_getUnicodeVersion(v); u_versionToString(v, vs);
  fprintf(stderr, "unicode %s\n", vs);
  for (UChar32 cp = 0; cp <= 0x10FFFF; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (cp >= 0xAC00 && cp <= 0xD7A3) continue; /* Hangul syllables: decomposed algorithmically by the reader */
    UChar in[2]; int32_t n = 0; UBool err = 0;
    U16_APPEND(in, n, 2, cp, err);
    UChar out[64]; st = U_ZERO_ERROR;
    int32_t m = uspoof_getSkeleton(sc, 0, in, n, out, 64, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "cp %X: %s\n", cp, u_errorName(st)); return 1; }
    if (m == n && out[0] == in[0] && (n == 1 || out[1] == in[1])) continue;
    printf("%X\t", cp);
    for (int32_t i = 0; i < m; ) { UChar32 c; U16_NEXT(out, i, m, c); printf(i < m ? "%X " : "%X", c); }
    printf("\n");
  }
  uspoof_close(sc);
  return 0;
}
