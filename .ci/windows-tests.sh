#!/usr/bin/env bash
# The Windows build, cross-compiled here and run under Wine with an Xvfb display:
#   - `check` and `report --format json` on every example: output byte-identical to Linux's;
#   - `check` on every corpus file: the same exit code and message as Linux;
#   - `upgrade` on a copy of the format-1 file writes what Linux writes, and `check` accepts it;
#   - `--screenshot` writes a non-blank 1366×768 PNG, also at 150% display scaling.
# Needs root for apt-get (CI runs as root). The Linux reference is the debug build that
# `cargo test` has just made. Set KEEP_SCREENSHOT=path to keep the 100% screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=x86_64-pc-windows-gnu
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
# The cross build may have a target folder of its own (WINDOWS_TARGET_DIR), e.g. to build it
# beside a Linux build on one machine.
WINDOWS_TARGET_DIR=${WINDOWS_TARGET_DIR:-$TARGET_DIR}
T0=$SECONDS
step() { echo "== [$((SECONDS - T0))s] $*"; }

step "installing mingw-w64, Wine, Xvfb"
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null || need+=(wine wine64)
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
# Without the Vulkan loader Wine's vkd3d crashes while wgpu probes for an adapter.
[ -e /usr/lib/x86_64-linux-gnu/libvulkan.so.1 ] || need+=(libvulkan1)
# Mesa's software OpenGL, which the glow fallback draws with under Wine.
[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so ] || need+=(libgl1-mesa-dri)
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
rustup target add "$TARGET" >/dev/null 2>&1

if [ -n "${WINDOWS_CLIPPY:-}" ]; then
    # A separate check build of every dependency (about 8 minutes here), so CI leaves it out.
    step "clippy for the Windows target (the console code is compiled only there)"
    CARGO_TARGET_DIR=$WINDOWS_TARGET_DIR cargo clippy --locked --target "$TARGET" -- -D warnings
fi

step "building the Windows exe (release; compiler warnings are errors)"
S=$SECONDS
# -D warnings reaches only this crate (cargo caps dependencies' lints), so the Windows-only code
# is held to the same bar as the Linux build without a second build of every dependency.
CARGO_TARGET_DIR=$WINDOWS_TARGET_DIR RUSTFLAGS="${RUSTFLAGS:-} -D warnings" \
    cargo build --release --locked --target "$TARGET" --bin partnership-appraisal
echo "   release build: $((SECONDS - S))s"
EXE=$WINDOWS_TARGET_DIR/$TARGET/release/partnership-appraisal.exe
cargo build --locked --bin partnership-appraisal
LINUX=$TARGET_DIR/debug/partnership-appraisal
ls -l "$EXE"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export WINEPREFIX=$WORK/wine WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono or Gecko installer prompts

step "making a Wine prefix with the ProcessPrng test shim"
wineboot --init >/dev/null 2>&1
wineserver --wait
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    tests/windows/bcryptprimitives-shim.c tests/windows/bcryptprimitives-shim.def -ladvapi32

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Runs both builds with the same relative arguments; stdout, stderr and exit code in $WORK/{linux,windows}.*
both() {
    set +e
    "$LINUX" "$@" >"$WORK/linux.out" 2>"$WORK/linux.err"
    echo $? >"$WORK/linux.code"
    timeout 120 wine "$EXE" "$@" >"$WORK/windows.out" 2>"$WORK/windows.err"
    echo $? >"$WORK/windows.code"
    set -e
}
same() { # what, file suffixes...
    local what=$1
    shift
    for part in "$@"; do
        cmp -s "$WORK/linux.$part" "$WORK/windows.$part" || {
            fail "$what: $part differs"
            diff "$WORK/linux.$part" "$WORK/windows.$part" | head -5
        }
    done
}

step "check and report --format json on every example"
for f in assets/examples/*.ron; do
    both check "$f"
    same "check $f" out err code
    [ "$(cat "$WORK/windows.code")" = 0 ] || fail "check $f: exit $(cat "$WORK/windows.code")"
    both report --format json "$f"
    same "report $f" out code
    [ -s "$WORK/windows.out" ] || fail "report $f: no output"
    echo "   $f: $(wc -c <"$WORK/windows.out") bytes of JSON, identical"
done

step "check on every corpus file"
for f in tests/corpus/*.ron; do
    both check "$f"
    same "check $f" out err code
    echo "   $f: exit $(cat "$WORK/windows.code")"
done

step "upgrade a copy of the format-1 file"
mkdir -p "$WORK/linux-up" "$WORK/windows-up"
cp tests/data/format-1-leisure.ron "$WORK/linux-up/leisure.ron"
cp tests/data/format-1-leisure.ron "$WORK/windows-up/leisure.ron"
(cd "$WORK/linux-up" && "$LINUX" upgrade leisure.ron >/dev/null)
(cd "$WORK/windows-up" && timeout 120 wine "$EXE" upgrade leisure.ron) ||
    fail "upgrade under Wine: exit $?"
cmp "$WORK/linux-up/leisure.ron" "$WORK/windows-up/leisure.ron" ||
    fail "the upgraded file differs from Linux's"
[ -f "$WORK/windows-up/leisure.ron.bak" ] || fail "upgrade kept no .bak"
(cd "$WORK/windows-up" && timeout 120 wine "$EXE" check leisure.ron) ||
    fail "check rejects the upgraded file"

# A PNG's size and whether it has more than a handful of colours (a blank window has one).
png_stats() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, colour = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
assert depth == 8 and colour in (2, 6), "expected 8-bit RGB or RGBA"
bpp = 3 if colour == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, colours = bytearray(stride), set()
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp * 4))
    prev = line
print(w, h, len(colours))
PY
}

screenshot() { # name
    local out=$WORK/$1.png
    rm -f "$out"
    # No GPU here: wgpu fails under Wine ("Parent device is lost") and the app falls back to glow.
    # The first window in a fresh prefix can fail to be created (seen: CreateWindowExW with
    # error 14007, also for a 10-line C program), so a second try is allowed.
    for attempt in 1 2; do
        timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" wine "$EXE" --screenshot "$out" \
            >"$WORK/$1.log" 2>&1 || true
        # A window that failed to open can leave Wine processes behind: end them, don't wait.
        wineserver --kill || true
        [ -s "$out" ] && break
        echo "   $1: no PNG on attempt $attempt: $(tail -1 "$WORK/$1.log")"
    done
    if [ ! -s "$out" ]; then
        fail "--screenshot ($1) wrote no PNG"
        tail -5 "$WORK/$1.log"
        return
    fi
    read -r w h colours < <(png_stats "$out")
    echo "   $1: ${w}x${h}, $colours colours; $(grep -o 'renderer [A-Za-z]*, adapter.*' "$WORK/$1.log" | head -1)"
    [ "$colours" -gt 20 ] || fail "the $1 screenshot is blank ($colours colours)"
}

step "--screenshot under Xvfb at 1366x768"
screenshot normal
read -r w h _ < <(png_stats "$WORK/normal.png" 2>/dev/null || echo 0 0 0)
[ "$w" = 1366 ] && [ "$h" = 768 ] || fail "the screenshot is ${w}x${h}, not 1366x768"
if [ -n "${KEEP_SCREENSHOT:-}" ] && [ -s "$WORK/normal.png" ]; then cp "$WORK/normal.png" "$KEEP_SCREENSHOT"; fi

step "--screenshot at 150% display scaling (LogPixels 144)"
wine reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 144 /f >/dev/null 2>&1
wineserver --wait
screenshot scaled150
read -r w h _ < <(png_stats "$WORK/scaled150.png" 2>/dev/null || echo 0 0 0)
# 150% of a window that fits the 1366x768 screen: never wider or taller than the screen.
[ "$w" -le 1366 ] && [ "$h" -le 768 ] || fail "at 150% the window is ${w}x${h} pixels, bigger than the 1366x768 screen"
if [ -n "${KEEP_SCREENSHOT:-}" ] && [ -s "$WORK/scaled150.png" ]; then cp "$WORK/scaled150.png" "${KEEP_SCREENSHOT%.png}-150.png"; fi

wineserver --kill || true
step "done: $failures failure(s)"
[ "$failures" = 0 ]
