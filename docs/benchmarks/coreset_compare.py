# Compares the hard-cutoff coresets chosen from pseudo-label AUM and from true-label AUM in a
# benchmark folder: class counts, overlap, and how many of each hold a wrong pseudo-label.
import json, sqlite3, sys, collections
folder = sys.argv[1]
db = sqlite3.connect(f'file:{folder}/benchmark.semiprune?mode=ro', uri=True)
journal = {}
for line in open(f'{folder}/progress.jsonl'):
    if line.strip():
        d = json.loads(line); journal[d['key']] = d['value']
ref_name = dict(db.execute('select id, name from reference_classes'))
truth_by_id = {i: ref_name[c] for i, c in db.execute('select id, reference_class_id from images')}
dyn_runs = [r for (r,) in db.execute("select id from runs where kind='dynamics' and state='finished' order by id")]
score_runs = [r for (r,) in db.execute("select id from runs where kind='scores' and state='finished' order by id")]
results = json.load(open(f'{folder}/results.json'))
def betas(method, rate):
    for e in results['table']:
        if e['method'] == method and abs(e['pruning_rate'] - rate) < 1e-9:
            return e['betas']
def cutoff(aum, keep, beta):
    order = sorted(range(len(aum)), key=lambda i: (aum[i], i))
    n = len(aum); start = int(beta * n + 1e-9)
    return set(order[start:start + int(keep * n + 1e-9)])
for s, (dyn, sc) in enumerate(zip(dyn_runs, score_runs), start=1):
    if f'seed{s}/true-label-aum' not in journal:
        continue
    rows = db.execute('select image_id, label from run_images where run_id=? order by position', (dyn,)).fetchall()
    classes = [n for (n,) in db.execute('select c.name from run_classes rc join classes c on c.id = rc.class_id where rc.run_id=? order by rc.position', (dyn,))]
    ids = [r[0] for r in rows]
    trained = [classes[r[1]] for r in rows]
    truth = [truth_by_id[i] for i in ids]
    wrong = [t != p for t, p in zip(truth, trained)]
    pl_aum_by_id = dict(db.execute("select image_id, value from scores where run_id=? and kind='aum'", (sc,)))
    pl_aum = [pl_aum_by_id[i] for i in ids]
    tl_aum = journal[f'seed{s}/true-label-aum']['aum']
    assert len(tl_aum) == len(ids)
    for rate in results['settings']['pruning_rates']:
        bp = betas('semiprune', rate); bt = betas('true-label-dynamics', rate)
        if not bp or len(bp) < s: continue
        a = cutoff(pl_aum, 1 - rate, bp[s-1]); b = cutoff(tl_aum, 1 - rate, bt[s-1])
        ca = collections.Counter(truth[i] for i in a); cb = collections.Counter(truth[i] for i in b)
        names = sorted(set(truth))
        print(f'seed {s}, {int(rate*100)} % pruned, beta {bp[s-1]} / {bt[s-1]}: overlap {len(a & b) / len(a):.3f}; '
              f'wrong pseudo-labels in pseudo coreset {sum(wrong[i] for i in a) / len(a):.3f}, in true coreset {sum(wrong[i] for i in b) / len(b):.3f}')
        print('   class      pseudo   true')
        for c in names:
            print(f'   {c:12s} {ca[c]:6d} {cb[c]:6d}')
        print(f'   min/max     {min(ca[c] for c in names)}/{max(ca[c] for c in names)}  {min(cb[c] for c in names)}/{max(cb[c] for c in names)}')
