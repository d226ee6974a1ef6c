/* Test harness only, never shipped. Rust's standard library gets random bytes from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and 11 have and Wine 8 lacks.
 * .ci/windows-tests.sh builds this into the Wine prefix's system32 so the exe can start:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives-shim.c \
 *       bcryptprimitives-shim.def -ladvapi32
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
