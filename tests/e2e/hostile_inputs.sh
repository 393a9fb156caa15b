#!/usr/bin/env bash
# Hostile input: whatever an unattended scraper may hand kg. Every fixture is
# generated here into a scratch directory. For each unusable input kg must
# print one message naming the file and the reason, exit non-zero, and still
# ingest every other file of the same run; usable-but-odd inputs are repaired
# (UTF-8, newlines, control characters) and stored clean. Nothing may hang:
# every run is under `timeout`. See docs/limits.md for the limits exercised.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
CHECK="$PY $KG_SOURCE_DIR/tests/tools/db_check.py"
F=$WORK/in
mkdir -p "$F"
fixtures=0
good_text='Alibaba Group partners with Apple. Nvidia competes with AMD.'

# One good companion file proves the run goes on past a bad input.
printf '%s\n' "$good_text" >"$F/companion.txt"

# refuse NAME REASON_REGEX PATH...: ingesting the good companion plus PATH
# exits 1, says "PATH: ...REASON", stores the companion, and nothing else.
refuse() {
  local label=$1 reason=$2
  shift 2
  fixtures=$((fixtures + 1))
  rm -f "$KG_DB" "$KG_DB"-*
  timeout 60 "$KG" ingest -q "$F/companion.txt" "$@" >"$WORK/out" 2>"$WORK/err"
  local code=$?
  [ "$code" -eq 1 ] || fail "$label: exit $code, expected 1; stderr: $(head -c 300 "$WORK/err")"
  grep -qF -- "$1" "$WORK/err" || fail "$label: no message naming $1: $(head -c 300 "$WORK/err")"
  grep -qiE -- "$reason" "$WORK/err" || fail "$label: reason /$reason/ not given: $(head -c 300 "$WORK/err")"
  $CHECK "$KG_DB" has-document companion.txt || fail "$label: the good file was not stored"
  [ "$($CHECK "$KG_DB" count documents)" = 1 ] || fail "$label: something besides the good file was stored"
}

# accept NAME PATH [STORED_NAME]: ingests alone, exit 0, stored with clean text
# (a file given by itself is stored under its file name).
accept() {
  local label=$1 path=$2 stored=${3:-${2##*/}}
  fixtures=$((fixtures + 1))
  rm -f "$KG_DB" "$KG_DB"-*
  timeout 120 "$KG" ingest -q -- "$path" >"$WORK/out" 2>"$WORK/err"
  local code=$?
  [ "$code" -eq 0 ] || fail "$label: exit $code, expected 0; stderr: $(head -c 300 "$WORK/err")"
  $CHECK "$KG_DB" has-document "$stored" || fail "$label: not stored as $stored"
  $CHECK "$KG_DB" text-clean || fail "$label: stored text not clean"
  $CHECK "$KG_DB" integrity || fail "$label: database damaged"
}

# stored_text: the one stored document's text, for content checks.
stored_text() { $PY -c "import sqlite3,sys; sys.stdout.write(sqlite3.connect(sys.argv[1]).execute('select text from documents').fetchone()[0])" "$KG_DB"; }

# --- Files that carry nothing to ingest --------------------------------------
: >"$F/empty.txt"
refuse "empty file" "empty" "$F/empty.txt"
printf ' \t\n\n   \r\n\t' >"$F/whitespace.txt"
refuse "whitespace only" "no text" "$F/whitespace.txt"
printf '\xef\xbb\xbf\n\n' >"$F/bom_only.txt"
refuse "BOM only" "no text|empty" "$F/bom_only.txt"
head -c 65536 /dev/urandom >"$F/random.bin"
refuse "random bytes" "binary" "$F/random.bin"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10' >"$F/picture.txt"
head -c 2000 /dev/urandom >>"$F/picture.txt"
refuse "PNG renamed .txt" "binary.*PNG" "$F/picture.txt"
printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01' >"$F/photo.txt"
head -c 2000 /dev/urandom >>"$F/photo.txt"
refuse "JPEG renamed .txt" "binary.*JPEG" "$F/photo.txt"
cp /bin/true "$F/program.txt"
refuse "ELF program renamed .txt" "binary" "$F/program.txt"
printf 'Alibaba\x00Group invests.\n' >"$F/nul_at_start.txt"
refuse "NUL byte in the first 4 KiB" "binary" "$F/nul_at_start.txt"
printf '%s' "$(head -c 3000 /dev/zero | tr '\0' '\1')" >"$F/controls.txt"
refuse "control characters only" "binary|no text" "$F/controls.txt"
refuse "missing file" "no such file|not found|cannot open" "$F/does-not-exist.txt"
ln -s "$F/loop_b" "$F/loop_a"
ln -s "$F/loop_a" "$F/loop_b"
refuse "symlink loop" "symbolic links|loop" "$F/loop_a"
ln -s "$F/nowhere.txt" "$F/dangling.txt"
refuse "dangling symlink" "no such file|not found|cannot open" "$F/dangling.txt"
mkfifo "$F/pipe.txt"
refuse "FIFO (must not hang)" "FIFO|not a regular file" "$F/pipe.txt"
refuse "/dev/zero" "not a regular file|device" /dev/zero
refuse "/dev/null" "not a regular file|device" /dev/null
# A directory is walked; one holding nothing usable still names its bad files.
mkdir -p "$F/dir_with_bad"
cp "$F/picture.txt" "$F/dir_with_bad/inner.txt"
refuse "directory holding a binary" "binary" "$F/dir_with_bad/inner.txt"
fixtures=$((fixtures - 1))  # same fixture as above, reached through a directory
rm -f "$KG_DB" "$KG_DB"-*
timeout 60 "$KG" ingest -q "$F/companion.txt" "$F/dir_with_bad" >"$WORK/out" 2>"$WORK/err"
[ $? -eq 1 ] && grep -qF "inner.txt" "$WORK/err" || fail "a bad file inside a directory was not named"

# Unreadable: root reads everything, so drop to nobody when we are root.
printf '%s\n' "$good_text" >"$F/secret.txt"
chmod 000 "$F/secret.txt"
fixtures=$((fixtures + 1))
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$WORK/nobody" && chmod 777 "$WORK/nobody" && chmod 755 "$WORK" "$F"
  chmod 644 "$F/companion.txt"
  timeout 60 setpriv --reuid=65534 --regid=65534 --clear-groups \
    env KG_DB="$WORK/nobody/kg.db" "$KG" ingest -q "$F/companion.txt" "$F/secret.txt" >"$WORK/out" 2>"$WORK/err"
  code=$?
  [ $code -eq 1 ] || fail "unreadable file: exit $code; $(head -c 300 "$WORK/err")"
  grep -qE "secret.txt.*(denied|cannot open|unreadable)" "$WORK/err" || fail "unreadable file: $(cat "$WORK/err")"
  $CHECK "$WORK/nobody/kg.db" has-document companion.txt || fail "unreadable file: good file lost"
elif [ "$(id -u)" -ne 0 ]; then
  refuse "unreadable file" "denied|cannot open" "$F/secret.txt"
else
  echo "note: running as root without setpriv: the unreadable-file case is skipped" >&2
fi
chmod 644 "$F/secret.txt"

# --- gzip: bombs and broken streams --------------------------------------------
# 300 MB of one letter compresses about 1000:1: refused by the ratio limit long
# before it is inflated (docs/limits.md), in bounded memory.
head -c 300000000 /dev/zero | tr '\0' 'a' | gzip -9 >"$F/bomb.txt.gz"
fixtures=$((fixtures + 1))
rm -f "$KG_DB" "$KG_DB"-*
/usr/bin/time -v -o "$WORK/time" timeout 120 "$KG" ingest -q "$F/companion.txt" "$F/bomb.txt.gz" >"$WORK/out" 2>"$WORK/err"
[ $? -eq 1 ] && grep -qE "bomb.txt.gz.*(bomb|inflates|too large|limit)" "$WORK/err" ||
  fail "gzip bomb not refused: $(head -c 300 "$WORK/err")"
rss=$(awk '/Maximum resident/ {print $6}' "$WORK/time")
[ "${rss:-0}" -lt 1048576 ] || fail "gzip bomb: peak RSS ${rss} KiB >= 1 GiB"
echo "gzip bomb: peak RSS ${rss} KiB"
$CHECK "$KG_DB" has-document companion.txt || fail "gzip bomb: good file lost"
# Text that compresses less than the ratio limit but inflates past the document limit.
yes "Alibaba Group partners with Apple and Nvidia, reports Reuters from Hong Kong today." |
  head -c 80000000 | gzip -1 >"$F/huge_document.txt.gz"
refuse "gzip inflating past the document limit" "too large|limit|larger" "$F/huge_document.txt.gz"
printf '%s\n' "$good_text" | gzip -c | head -c 25 >"$F/truncated.txt.gz"
refuse "truncated gzip" "gzip|truncated|corrupt" "$F/truncated.txt.gz"
{ printf '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03'; head -c 500 /dev/urandom; } >"$F/corrupt.txt.gz"
refuse "corrupt gzip" "gzip|corrupt|invalid" "$F/corrupt.txt.gz"

# --- Odd but usable text: repaired, stored clean ------------------------------
printf 'Alibaba Group \xff\xfe partners with \xc3\x28 Apple \xed\xa0\x80 today \xf4\x90\x80\x80.\n' >"$F/invalid_utf8.txt"
accept "invalid UTF-8" "$F/invalid_utf8.txt"
$PY -c "import sys; open(sys.argv[1],'wb').write('\ufeffAlibaba Group partners with Apple.\n'.encode('utf-16-le'))" "$F/utf16le.txt"
accept "UTF-16 LE with BOM" "$F/utf16le.txt"
stored_text | grep -q "Alibaba Group partners with Apple" || fail "UTF-16 LE not decoded"
$PY -c "import sys; open(sys.argv[1],'wb').write('\ufeffAlibaba Group partners with Apple.\n'.encode('utf-16-be'))" "$F/utf16be.txt"
accept "UTF-16 BE with BOM" "$F/utf16be.txt"
stored_text | grep -q "Alibaba Group partners with Apple" || fail "UTF-16 BE not decoded"
printf '\xef\xbb\xbfAlibaba Group partners with Apple.\n' >"$F/utf8_bom.txt"
accept "UTF-8 with BOM" "$F/utf8_bom.txt"
[ "$(stored_text | head -c 7)" = "Alibaba" ] || fail "UTF-8 BOM kept in the stored text"
printf 'Alibaba Group partners with Apple.\r\nNvidia competes with AMD.\r\n' >"$F/crlf.txt"
accept "CRLF" "$F/crlf.txt"
printf 'Alibaba Group partners with Apple.\rNvidia competes with AMD.\n\rBaidu.\r\n\nEnd.' >"$F/mixed_newlines.txt"
accept "mixed CR, LF, CRLF" "$F/mixed_newlines.txt"
printf 'Alibaba\x1b[31m Group partners\x07 with\x08 Apple.\x7f\x0c\x0bNvidia competes with AMD.\n' >"$F/controls_in_text.txt"
accept "terminal escapes and control characters in text" "$F/controls_in_text.txt"
{ head -c 5000 /dev/zero | tr '\0' ' '; printf 'Alibaba Group partners with Apple.\x00\x00 Nvidia competes with AMD.\n'; } >"$F/late_nul.txt"
accept "NUL bytes past the sniffed head" "$F/late_nul.txt"
printf 'Alibaba Group partners with Apple.' >"$F/no_final_newline.txt"
accept "no final newline" "$F/no_final_newline.txt"
printf 'A\n' >"$F/one_letter.txt"
accept "one letter" "$F/one_letter.txt"
$PY -c "import sys; open(sys.argv[1],'w').write('\u202eelppA htiw srentrap \u0627\u0644\u0639\u0631\u0628\u064a\u0629 Alibaba \U0001F600\u200b\u00e9\u0301 \u4e2d\u56fd partners with Apple.\n')" "$F/unicode_mix.txt"
accept "RTL marks, emoji, combining marks, CJK" "$F/unicode_mix.txt"

# --- HTML ---------------------------------------------------------------------
$PY -c "
import sys
depth = 100000
open(sys.argv[1], 'w').write('<html><body>' + '<div>' * depth + '<p>Alibaba Group partners with Apple.</p>' + '</div>' * depth + '</body></html>')" "$F/deep.html"
accept "HTML nested 100k levels" "$F/deep.html"
stored_text | grep -q "partners with Apple" || fail "deep HTML: text lost"
printf '<html><body><p>Alibaba Group partners with Apple.</p><p>Nvidia compe' >"$F/truncated.html"
accept "truncated HTML" "$F/truncated.html"
printf '<html><<body>><p <p>Alibaba Group partners with Apple.</b></i></html></html><div <<<>>> "\x27 &amp &#xZZ; &#99999999; &nbsp</p' >"$F/malformed.html"
accept "malformed HTML" "$F/malformed.html"
cat >"$F/scripted.html" <<'HTML'
<!doctype html><html><head><title>News</title>
<style>.ScriptStyleMarkerOne { color: red } /* Globex partners with Initech. */</style>
<script>var ScriptStyleMarkerTwo = "Globex partners with Initech.";</script></head>
<body><noscript>ScriptStyleMarkerThree</noscript>
<p>Alibaba Group partners with Apple.</p>
<script type="application/ld+json">{"ScriptStyleMarkerFour": "Hooli invests $9 billion."}</script>
<svg><text>ScriptStyleMarkerFive</text></svg>
<p>Nvidia competes with AMD.</p></body></html>
HTML
accept "script and style blocks" "$F/scripted.html"
stored_text | grep -q "ScriptStyleMarker" && fail "script/style text reached the stored text"
"$KG" export --format jsonl -o "$WORK/scripted.jsonl" && "$KG" export --format entities -o "$WORK/scripted_entities.jsonl" ||
  fail "export after scripted.html"
grep -qE "ScriptStyleMarker|Globex|Initech|Hooli" "$WORK/scripted.jsonl" "$WORK/scripted_entities.jsonl" &&
  fail "script/style text reached the graph"
grep -q "Apple" "$WORK/scripted.jsonl" || echo "note: scripted.html gave no Apple relation (extractor)" >&2

# --- Hostile file names -------------------------------------------------------
printf '%s\n' "$good_text" >"$F/name with spaces.txt"
accept "file name with spaces" "$F/name with spaces.txt"
printf '%s\n' "$good_text" >"$F/name
with newline.txt"
accept "file name with a newline" "$F/name
with newline.txt"
bad_name=$(printf '%s/bad\xff\xfename.txt' "$F")
printf '%s\n' "$good_text" >"$bad_name"
fixtures=$((fixtures + 1))
rm -f "$KG_DB" "$KG_DB"-*
timeout 60 "$KG" ingest -q "$bad_name" >"$WORK/out" 2>"$WORK/err" || fail "file name with invalid UTF-8: $(cat "$WORK/err")"
[ "$($CHECK "$KG_DB" count documents)" = 1 ] || fail "file name with invalid UTF-8: not stored"
"$KG" export --format jsonl -o "$WORK/badname.jsonl" || fail "export after an invalid UTF-8 file name"
$PY -c "
import json, sys
for line in open(sys.argv[1], encoding='utf-8', errors='strict'): json.loads(line)" "$WORK/badname.jsonl" ||
  fail "export with an invalid UTF-8 document name is not strict UTF-8 JSON"
# A bad file whose name carries a newline and a terminal escape must not forge
# log lines or reach the terminal raw: one error line, no ESC byte.
forged=$(printf '%s/forged\nkg: note: all good \033[2Jcleared.txt' "$F")
: >"$forged"
fixtures=$((fixtures + 1))
rm -f "$KG_DB" "$KG_DB"-*
timeout 60 "$KG" ingest -q "$F/companion.txt" "$forged" >"$WORK/out" 2>"$WORK/err"
[ $? -eq 1 ] || fail "file name with newline and escape: exit not 1"
grep -q "all good" "$WORK/err" || fail "file name with newline and escape: file not named: $(cat "$WORK/err")"
if grep -q $'\033' "$WORK/err" || grep -q "^kg: note: all good" "$WORK/err"; then
  fail "a file name forged a log line or sent a terminal escape: $(cat -A "$WORK/err" | head -c 300)"
fi
printf '%s\n' "$good_text" >"$F/-file.txt"
(cd "$F" && accept "leading dash after --" "-file.txt")
(cd "$F" && accept "leading dash as ./-file.txt" "./-file.txt")
fixtures=$((fixtures + 1))
(cd "$F" && timeout 60 "$KG" ingest -q -file.txt >"$WORK/out" 2>"$WORK/err")
[ $? -eq 2 ] || fail "'kg ingest -file.txt' should be a usage error (exit 2), not read as a file"
printf '%s\n' "$good_text" >"$F/\$(touch pwned).txt"
accept "file name with shell syntax" "$F/\$(touch pwned).txt"
[ -e "$F/pwned" ] || [ -e pwned ] && fail "a file name was run by a shell"

# --- Numbers at the edges -----------------------------------------------------
cat >"$F/numbers.txt" <<EOT
Acme Corp invests \$0 in Globex. Acme Corp invests -\$5 billion in AI.
Acme Corp invests \$1e308 billion in chips. Initech invests \$$(printf '9%.0s' $(seq 300)) billion in data centres.
Hooli invests \$.5 billion in cloud. Hooli reported revenue of \$-3.2 trillion.
Umbrella invests \$1,000,000,000,000,000,000,000 trillion. Qwen has 1e400 parameters.
Stark Industries invests \$NaN billion and \$inf million. Wayne Corp invests 0.0000000001% in RMB 1e-320.
EOT
accept "numbers at the edges" "$F/numbers.txt"
"$KG" export --format entities -o "$WORK/numbers.jsonl" || fail "export after numbers.txt"
$PY - "$WORK/numbers.jsonl" <<'PYEOF' || fail "numbers: an amount is not a finite JSON number"
import json, math, sys
def strict(value):  # the stdlib accepts NaN/Infinity; JSON does not
    raise ValueError(f"non-standard JSON constant {value}")
for line in open(sys.argv[1]):
    entity = json.loads(line, parse_constant=strict)
    value = entity.get("value")
    if value is not None and not math.isfinite(value):
        sys.exit(f"non-finite value in {entity}")
PYEOF

echo "hostile fixtures exercised: $fixtures"
[ "$fixtures" -ge 40 ] || fail "only $fixtures fixtures"
finish
