#!/usr/bin/env bash
# Issue 17's table: wall time and peak memory (resident set, /usr/bin/time -v) of the release CLI
# checking each hostile or huge input that scripts/bound-inputs.py writes, and the peak as a multiple
# of the input's size. 1 GB of standard input is piped in last (refused after 20 MB).
#
#   cargo build --release -p nianbao-cli && scripts/measure-bounds.sh [INPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/bound-inputs}
[ -d "$dir" ] || python3 scripts/bound-inputs.py "$dir"
cli=${NIANBAO:-target/release/nianbao}

row() { # name, size in bytes, then the command
    local name=$1 size=$2 log
    shift 2
    log=$(mktemp)
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
    local wall rss status
    wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    status=$(grep -q 'exceeds\|超过\|大于' "$log" && echo refused || echo checked)
    awk -v n="$name" -v s="$size" -v w="$wall" -v r="$rss" -v st="$status" 'BEGIN {
        printf "| %-28s | %8.1f MB | %9s | %7.0f MB | %5.1f× | %s |\n", n, s / 1048576, w, r / 1024, r * 1024 / s, st }'
    rm -f "$log"
}

echo "| input | size | time | peak RSS | × input | |"
echo "|---|---|---|---|---|---|"
for f in numbering-20000.docx numbering-100000.docx nodes-60MB.docx label-lines.txt heading-lines.txt \
    heading-lines-19MB.txt row-lines.txt row-lines-19MB.txt digits-10MB.txt report-19MB.txt report-19MB.htm \
    report-19MB-in-layout.htm report-19MB-in-layout-with-tables.htm; do
    row "$f" "$(stat -c %s "$dir/$f")" "$cli" check "$dir/$f"
done
row "1 GB on standard input" $((1024 * 1024 * 1024)) bash -c "yes | head -c 1G | $cli check -"
