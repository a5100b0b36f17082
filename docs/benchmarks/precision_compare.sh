#!/usr/bin/env bash
# Seed to coreset on full Fashion-MNIST (60,000 training images, a 1,000-image class-balanced seed
# labeled from the hidden reference labels, default settings, hard cutoff keeping 30 %) once per
# precision, from the same seed, each in its own copy of the project; then compares the runs:
# pseudo-label accuracy, the rank correlation of the AUM scores and the overlap of the coresets.
#
#   docs/benchmarks/precision_compare.sh WORKDIR [PRECISION...]     (default: float32 bfloat16)
set -euo pipefail
work=${1:?give a working folder}
shift
precisions=("${@:-float32}")
[ $# -eq 0 ] && precisions=(float32 bfloat16)
bin=$(cd "$(dirname "$0")/../.." && pwd)/build/app/semiprune
data=/usr/share/datasets/fashion-mnist
mkdir -p "$work"
cd "$work"
if [ ! -f base.semiprune ]; then
    "$bin" import-idx --images $data/train-images-idx3-ubyte.gz --labels $data/train-labels-idx1-ubyte.gz \
        --preset fashion-mnist --label-mode hidden --out images base.semiprune >/dev/null
    "$bin" seed base.semiprune --count 1000 --balanced --seed 1 >/dev/null
    # The seed's paths are class/file: the hidden reference class is the folder.
    "$bin" seed base.semiprune --json | python3 -c '
import json, sys
for item in json.load(sys.stdin)["items"]:
    print("%s,%s" % (item["path"], item["path"].split("/")[0]))' > seed.csv
    "$bin" label base.semiprune --csv seed.csv --create-classes >/dev/null
fi
for p in "${precisions[@]}"; do
    rm -f "$p".semiprune*
    cp base.semiprune "$p".semiprune
    /usr/bin/time -f "$p: %e s wall, %M KB peak" "$bin" pipeline "$p".semiprune --keep 0.3 --precision "$p" \
        --json > "$p".json 2> "$p".time || { cat "$p".time; exit 1; }
    tail -1 "$p".time
done
python3 - "${precisions[@]}" <<'PY'
import json, sqlite3, sys
def load(p):
    db = sqlite3.connect(f"{p}.semiprune")
    result = json.load(open(f"{p}.json"))
    def stage_seconds(kind):
        row = db.execute("select (finished_at - started_at - paused_ms) / 1000.0 from runs where kind=? "
                         "and state='finished' order by id desc limit 1", (kind,)).fetchone()
        return row[0] if row else float("nan")
    aum = dict(db.execute("select image_id, value from scores where kind='aum' and run_id="
                          "(select max(id) from runs where kind='scores' and state='finished')"))
    kept = {i for (i,) in db.execute("select image_id from selection_items where kept=1 and selection_id="
                                     "(select max(id) from selections)")}
    return result, {k: stage_seconds(k) for k in ("ssl", "pseudo-label", "dynamics")}, aum, kept
def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0] * len(values)
    for position, i in enumerate(order):
        r[i] = position
    return r
def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a); ma = mb = (n - 1) / 2
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    var = sum((x - ma) ** 2 for x in ra)
    return cov / var
runs = {p: load(p) for p in sys.argv[1:]}
for p, (result, stages, aum, kept) in runs.items():
    print(f"{p}: pseudo-label accuracy {100 * result.get('pseudo_label_accuracy', float('nan')):.1f} %, "
          f"total {result.get('seconds', float('nan')):.0f} s, stages " +
          ", ".join(f"{k} {v:.0f} s" for k, v in stages.items()) + f", kept {len(kept)}")
names = list(runs)
for i in range(len(names)):
    for j in range(i + 1, len(names)):
        a, b = runs[names[i]], runs[names[j]]
        ids = sorted(set(a[2]) & set(b[2]))
        rho = spearman([a[2][k] for k in ids], [b[2][k] for k in ids])
        overlap = len(a[3] & b[3]) / max(1, len(a[3]))
        print(f"{names[i]} vs {names[j]}: AUM Spearman {rho:.3f} over {len(ids)} images, "
              f"coreset overlap {100 * overlap:.1f} %")
PY
