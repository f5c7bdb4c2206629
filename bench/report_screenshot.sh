#!/bin/sh
# Render the HTML report of fixture transcripts in headless Chromium and save screenshots, to check the
# report as a reader sees it: header, summary first, contents, times once, list numbers from 10 on.
#   sh bench/report_screenshot.sh [OUT.png]     (default /tmp/report.png; the whole page: OUT-full.png)
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/report.png}
work=$(mktemp -d)
export JARGON_CACHE_DIR="$work/cache" JARGON_DATA_DIR="$work/data" JARGON_CONFIG_DIR="$work/config"
fx="$here/tests/fixtures/transcripts"
# a longer interview: twelve phrases in one transcript, so the side list reaches "10."
for i in 1 2 3 4 5 6; do cat "$fx/timestamped.txt"; done > "$work/long-interview.txt"
jargon decode -d "$here/tests/fixtures/transcripts-dict.toml" -d "$here/tests/tui/data/tui-test.toml" \
    -o "$work/report.html" "$work/long-interview.txt" "$fx/colon.txt" "$fx/zoom.vtt" || true
test -s "$work/report.html"
shot() {
    /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/chrome" \
        --screenshot="$1" --window-size="$2" "file://$work/report.html" 2>/dev/null
}
shot "$out" 1200,1600
shot "${out%.png}-full.png" 1200,4200
echo "$work/report.html -> $out, ${out%.png}-full.png"
