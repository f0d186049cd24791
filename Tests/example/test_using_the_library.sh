#!/bin/bash
# Builds and runs examples/UsingTheLibrary (a package depending on this one by path) in a scratch
# directory with no WGMFIG_* variable set, from outside the repository, and checks what it writes:
# the sweep figure (a one-page PDF, APS single column 3.4 in = 244.8 pt wide, from the bundled
# `paper` style) and om-2a at T_e = 1 K (a PNG 3.4 in × 150 dpi = 510 px wide whose sidecar records
# the override). Any missing file or tool is a failure.
set -euo pipefail
# A debug build: it compiles in about a minute (a release build of every module would take
# five on two cores) and the two figures still take seconds.
repo=$(cd "$(dirname "$0")/../.." && pwd)
package=$repo/examples/UsingTheLibrary
work=$(mktemp -d /tmp/wgmfig-example.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

swift build --package-path "$package" --product UsingTheLibrary
exe=$(swift build --package-path "$package" --show-bin-path)/UsingTheLibrary
[ -x "$exe" ] || fail "$exe not built"
unset $(env | sed -n 's/^\(WGMFIG_[A-Z_]*\)=.*/\1/p') 2>/dev/null || true
(cd "$work" && timeout 300 "$exe" "$work/out") > "$work/stdout" || fail "UsingTheLibrary exited $?"

pdf=$work/out/g2-versus-detuning.pdf
png=$work/out/om-2a.T_e_K=1.png
[ -s "$pdf" ] || fail "$pdf not written"
[ -s "$png" ] || fail "$png not written"
[ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "$pdf is not a PDF"
info=$(pdfinfo "$pdf") || fail "pdfinfo cannot read $pdf"
echo "$info" | grep -q "^Pages: *1$" || fail "$pdf: not one page"
width=$(echo "$info" | sed -n 's/^Page size: *\([0-9.]*\) x.*/\1/p')
python3 - "$width" "$png" "$png.json" <<'PY' || fail "checks of the written files"
import json, struct, sys
width_pt, png, sidecar = float(sys.argv[1]), sys.argv[2], sys.argv[3]
assert abs(width_pt - 244.8) < 0.5, f"PDF width {width_pt} pt, expected 244.8 (paper single column)"
data = open(png, "rb").read(33)
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert w == 510, f"PNG width {w} px, expected 510 (3.4 in at 150 dpi)"
meta = json.load(open(sidecar))
text = json.dumps(meta)
assert meta.get("id") == "om-2a", meta.get("id")
assert "T_e_K" in text and meta.get("style") == "paper", "sidecar lacks the override or the style"
print(f"example package: PDF {width_pt} pt wide, PNG {w}x{h} px, sidecar {meta['id']} with T_e_K")
PY
echo "ok: examples/UsingTheLibrary"
