// Reads wrk outputs (one file per case) and writes bench/results/results.json and results.md.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const toMs = (value) => {
  const m = value.match(/^([\d.]+)(us|ms|s)$/);
  if (!m) return null;
  return Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 }[m[2]]);
};
const rows = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.wrk')).sort()) {
  const text = readFileSync(`${dir}/${file}`, 'utf8');
  const rps = Number((text.match(/Requests\/sec:\s+([\d.]+)/) || [])[1]);
  const pct = (p) => toMs(((text.match(new RegExp(`\\s${p}%\\s+(\\S+)`)) || [])[1]) || '');
  const non2xx = Number((text.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [0, 0])[1]);
  rows.push({ case: file.replace(/^\d+-/, '').replace('.wrk', ''), rps, p50_ms: pct(50), p99_ms: pct(99), non2xx });
}
const baseline = rows.find((r) => r.case === 'baseline-public')?.rps || 1;
for (const r of rows) r.ratio_to_baseline = Number((r.rps / baseline).toFixed(2));
writeFileSync(`${dir}/results.json`, JSON.stringify(rows, null, 2));
const md = ['| case | requests/s | × baseline | p50 ms | p99 ms | non-2xx |', '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.case} | ${r.rps.toFixed(0)} | ${r.ratio_to_baseline} | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} |`)].join('\n');
writeFileSync(`${dir}/results.md`, md + '\n');
console.log(md);
