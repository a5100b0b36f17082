#!/bin/bash
# Kills the command-line program with SIGKILL at random moments during import, labeling (one by one
# and from a CSV), FixMatch, proxy training and export, TRIALS times each, and checks after every
# kill that nothing was lost:
#   - the project passes PRAGMA integrity_check;
#   - every label the program reported saved (exit code 0) is in the project; a CSV is all or nothing;
#   - a killed run is marked interrupted, and the next start continues the same run from its last
#     checkpoint (never from step 0 once a checkpoint exists), finishing in the end;
#   - an export folder either does not exist or is complete (manifest rows = files written); the
#     unfinished work only ever sits in a hidden ".<name>.partial-*" folder.
#
#   tests/killtrials/run-kill-trials.sh [TRIALS] [CLI] [STAGES]
# (defaults: 20, build/app/semiprune, "import label csv ssl dynamics export")
# Needs: the built CLI, sqlite3, and Debian's dataset-fashion-mnist (10,000 test images are used).
set -uo pipefail
trials=${1:-20}
cli=$(realpath "${2:-build/app/semiprune}")
stages=" ${3:-import label csv ssl dynamics export} "
wants() { [[ "$stages" == *" $1 "* ]]; }
data=${SEMIPRUNE_FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 program (apt install sqlite3)"; exit 2; }
[ -x "$cli" ] || { echo "no CLI at $cli: build first"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "   FAIL: $*"; failures=$((failures + 1)); }
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check of $1"; }
# Sleeps a random time between $1 and $2 seconds (decimals allowed).
random_sleep() { sleep "$(awk -v lo="$1" -v hi="$2" -v r="$RANDOM" 'BEGIN { printf "%.2f", lo + (hi - lo) * r / 32767 }')"; }
# Starts "$@" in the background, kills it with SIGKILL after a random delay in [lo, hi].
kill_during() {
    local lo=$1 hi=$2; shift 2
    "$@" >/dev/null 2>&1 &
    local pid=$!
    random_sleep "$lo" "$hi"
    kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
}

echo "== data: Fashion-MNIST test images (10,000) as PNG class folders"
"$cli" import-idx base.semiprune --out images --images "$data/t10k-images-idx3-ubyte.gz" \
    --labels "$data/t10k-labels-idx1-ubyte.gz" --preset fashion-mnist --label-mode hidden >/dev/null || exit 1
total=$(sqlite3 base.semiprune 'SELECT count(*) FROM images')

echo "== import: $trials kills"
killed=0
wants import || trials_import=0
for ((t = 0; t < ${trials_import:-$trials}; t++)); do
    rm -f p.semiprune p.semiprune-*
    kill_during 0.05 0.6 "$cli" create p.semiprune images --label-mode hidden
    if [ -e p.semiprune ]; then
        integrity p.semiprune
        # Whatever was committed stays; the next rescan finishes the job.
        "$cli" rescan p.semiprune >/dev/null 2>&1 || "$cli" info p.semiprune >/dev/null 2>&1 \
            || { rm -f p.semiprune p.semiprune-*; }
    fi
    [ -e p.semiprune ] || "$cli" create p.semiprune images --label-mode hidden >/dev/null || fail "create after a kill"
    [ "$(sqlite3 p.semiprune 'SELECT count(*) FROM images')" = "$total" ] || fail "import trial $t: not every image after resuming"
done
echo "   $killed of $trials killed mid-import"

cp base.semiprune l.semiprune
"$cli" classes l.semiprune --add a --add b >/dev/null
echo "== labeling one by one: $trials kills"
killed=0
sqlite3 l.semiprune "SELECT path FROM images WHERE split = 'train' ORDER BY id LIMIT 4000" > paths.txt
: > saved.txt
next=1
wants label || trials_label=0
for ((t = 0; t < ${trials_label:-$trials}; t++)); do
    (
        i=$next
        while IFS= read -r path; do
            class=$([ $((i % 2)) = 0 ] && echo a || echo b)
            "$cli" label l.semiprune "$path" "$class" >/dev/null 2>&1 && echo "$path,$class" >> saved.txt
            i=$((i + 1))
        done < <(tail -n +"$next" paths.txt)
    ) &
    loop=$!
    random_sleep 1.0 6.0
    pkill -9 -f "$cli label l.semiprune" && killed=$((killed + 1))
    kill -9 "$loop" 2>/dev/null; wait "$loop" 2>/dev/null
    integrity l.semiprune
    next=$(( $(wc -l < saved.txt) + 2 ))   # skip the one that was being labeled
done
sqlite3 -separator , l.semiprune "SELECT i.path, c.name FROM labels l JOIN images i ON i.id = l.image_id JOIN classes c ON c.id = l.class_id" | sort > stored.txt
lost=$(sort saved.txt | comm -23 - stored.txt | wc -l)
[ "$lost" = 0 ] || fail "$lost labels reported saved are missing"
echo "   $killed kills, $(wc -l < saved.txt) labels reported saved, $lost lost"

echo "== labeling from a CSV (all or nothing): $trials kills"
killed=0
sqlite3 l.semiprune "SELECT path || ',b' FROM images ORDER BY id DESC LIMIT 3000" > bulk.csv
wants csv || trials_csv=0
for ((t = 0; t < ${trials_csv:-$trials}; t++)); do
    before=$(sqlite3 l.semiprune 'SELECT count(*) FROM labels')
    kill_during 0.05 0.5 "$cli" label l.semiprune --csv bulk.csv
    integrity l.semiprune
    after=$(sqlite3 l.semiprune 'SELECT count(*) FROM labels')
    applied=$(sqlite3 l.semiprune "SELECT count(*) FROM labels WHERE image_id IN (SELECT id FROM images ORDER BY id DESC LIMIT 3000)")
    [ "$applied" = 0 ] || [ "$applied" = "$(wc -l < bulk.csv)" ] || fail "CSV applied in part: $applied rows"
    sqlite3 l.semiprune "DELETE FROM labels WHERE image_id IN (SELECT id FROM images ORDER BY id DESC LIMIT 3000)"
    [ "$after" -ge "$before" ] || fail "labels lost during a CSV import"
done
echo "   $killed kills"

# The training stages learn from 200 labeled images (and the rest unlabeled), whatever the
# labeling trials above managed to save.
sqlite3 l.semiprune "DELETE FROM labels"
sqlite3 l.semiprune "SELECT path || ',' || (CASE WHEN reference_class_id % 2 = 0 THEN 'a' ELSE 'b' END) FROM images ORDER BY (id * 7919) % 10007 LIMIT 200" > seed.csv
"$cli" label l.semiprune --csv seed.csv >/dev/null || fail "labeling the seed"

# Starts "$@" and kills it with SIGKILL: on odd trials at a random moment up to `hi` seconds, on
# even ones a random moment (up to 3 s) after it wrote a checkpoint, so that kills land both before
# the first checkpoint and between later ones whatever the machine's speed.
kill_training() {
    local trial=$1 hi=$2; shift 2
    local started
    started=$(date +%s)
    "$@" >/dev/null 2>&1 &
    local pid=$!
    if [ $((trial % 2)) = 1 ]; then
        random_sleep 0.5 "$hi"
    else
        sleep 1
        while kill -0 "$pid" 2>/dev/null; do
            local newest
            newest=$(find l.semiprune.runs -name 'run-*.checkpoint' -newermt "@$started" 2>/dev/null | head -n 1)
            [ -n "$newest" ] && break
            sleep 0.2
        done
        random_sleep 0 3
    fi
    kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
}

# Training stages: each trial starts the stage (resuming), kills it, and checks the run's state.
train_trials() {
    local stage=$1 hi=$2; shift 2
    local killed=0 resumed=0 t
    for ((t = 0; t < trials; t++)); do
        local had_checkpoint runs_before
        had_checkpoint=$(find l.semiprune.runs -name 'run-*.checkpoint' -size +0 2>/dev/null | wc -l)
        runs_before=$(sqlite3 l.semiprune "SELECT count(*) FROM runs WHERE kind = '$stage'")
        kill_training "$t" "$hi" "$cli" "$stage" l.semiprune "$@"
        integrity l.semiprune
        local row
        row=$(sqlite3 l.semiprune "SELECT count(*), max(state), max(progress) FROM runs WHERE kind = '$stage'")
        local count=${row%%|*} rest=${row#*|}
        local state=${rest%%|*} progress=${rest#*|}
        # With a checkpoint the start continues that run; without one it may start a new run.
        if [ "$had_checkpoint" -gt 0 ]; then
            [ "$count" = "$runs_before" ] || fail "$stage trial $t: a new run although a checkpoint was there"
        else
            [ "$count" -le $((runs_before + 1)) ] || fail "$stage trial $t: $count runs after $runs_before"
        fi
        # 'running' in the file is how a killed run looks until the next start marks it interrupted.
        [ -z "$state" ] || [ "$state" = running ] || [ "$state" = interrupted ] || [ "$state" = finished ] \
            || fail "$stage trial $t: state $state"
        # A start with a checkpoint continues from it: its progress never falls back to 0.
        if [ "$had_checkpoint" -gt 0 ]; then
            resumed=$((resumed + 1))
            [ "${progress:-0}" -gt 0 ] || fail "$stage trial $t: started over although a checkpoint was there"
        fi
        [ "$state" = finished ] && break
    done
    [ "$killed" -gt 0 ] || fail "$stage: no trial caught the program running (did it fail at once?)"
    "$cli" "$stage" l.semiprune "$@" >/dev/null 2>"$stage.err" || fail "$stage did not finish after the kills: $(cat "$stage.err")"
    [ "$(sqlite3 l.semiprune "SELECT count(*) FROM runs WHERE kind = '$stage' AND state = 'finished'")" = 1 ] \
        || fail "$stage: not exactly one finished run"
    echo "   $killed kills; $resumed starts continued from a checkpoint; finished at the end"
}
# FixMatch checkpoints every 50 steps here and the proxy training every epoch: sized so that kills
# land before, between and after checkpoints.
echo "== FixMatch (ssl): $trials kills"
wants ssl && train_trials ssl 20 --steps 800 --batch 16 --mu 2 --threads 2 --device cpu
echo "== proxy training (dynamics): $trials kills"
wants dynamics && train_trials dynamics 40 --steps 800 --batch 16 --mu 2 --epochs 6 --threads 2 --device cpu

echo "== export: $trials kills"
killed=0
wants export || trials_export=0
for ((t = 0; t < ${trials_export:-$trials}; t++)); do
    rm -rf out
    kill_during 0.05 1.0 "$cli" export l.semiprune out --all --mode copy
    if [ -e out ]; then
        [ -f out/manifest.csv ] && [ -f out/summary.json ] || fail "export trial $t: out/ exists but is not complete"
        files=$(find out -type f -name '*.png' | wc -l)
        rows=$(( $(wc -l < out/manifest.csv) - 1 ))
        [ "$files" = "$rows" ] || fail "export trial $t: $files files, $rows manifest rows"
    fi
done
if wants export; then
    "$cli" export l.semiprune out --all --mode copy --overwrite >/dev/null 2>&1 || fail "the export after the kills"
    leftovers=$(find . -maxdepth 1 -name '.out.partial-*' | wc -l)
    [ "$leftovers" = 0 ] || fail "$leftovers working folders of killed exports left after a finished export"
    echo "   $killed kills; the next export removed what they left"
fi

echo "== $failures failures"
[ "$failures" = 0 ]
