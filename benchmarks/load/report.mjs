// Reads wrk outputs (one file per case) and writes benchmarks/load/results/results.json and results.md.
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const toMs = (value) => {
  const m = value.match(/^([\d.]+)(us|ms|s)$/);
  if (!m) return null;
  return Number((Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 }[m[2]])).toFixed(3));
};
const rpsOf = (text) => Number((text.match(/Requests\/sec:\s+([\d.]+)/) || [])[1]);
const rows = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.wrk')).sort()) {
  const text = readFileSync(`${dir}/${file}`, 'utf8');
  const pct = (p) => toMs(((text.match(new RegExp(`\\s${p}%\\s+(\\S+)`)) || [])[1]) || '');
  const non2xx = Number((text.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [0, 0])[1]);
  const after = existsSync(`${dir}/${file.replace('.wrk', '.base')}`)
    ? rpsOf(readFileSync(`${dir}/${file.replace('.wrk', '.base')}`, 'utf8')) : null;
  rows.push({ case: file.replace(/^\d+[a-z]?-/, '').replace('.wrk', ''), rps: rpsOf(text), p50_ms: pct(50),
    p99_ms: pct(99), non2xx, baseline_after_rps: after });
}
// Each case against the mean of the baseline measured just before it and the one just after it.
let before = rows.find((r) => r.case === 'baseline-public')?.rps || 1;
for (const r of rows) {
  r.baseline_rps = r.case === 'baseline-public' ? r.rps
    : Number(((before + (r.baseline_after_rps ?? before)) / 2).toFixed(0));
  r.ratio_to_baseline = Number((r.rps / r.baseline_rps).toFixed(2));
  if (r.baseline_after_rps) before = r.baseline_after_rps;
}
const half = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.half')).sort()) {
  const text = readFileSync(`${dir}/${file}`, 'utf8');
  const pct = (p) => toMs(((text.match(new RegExp(`\\s${p}%\\s+(\\S+)`)) || [])[1]) || '');
  half.push({ case: file.replace(/^\d+-/, '').replace('.half', ''), target_rps: Number(text.match(/target ([\d.]+)/)[1]),
    rps: Number((text.match(/Requests\/sec:\s+([\d.]+)/) || [])[1]), p50_ms: pct(50), p99_ms: pct(99),
    non2xx: Number((text.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [0, 0])[1]) });
}
writeFileSync(`${dir}/results.json`, JSON.stringify({ full_load: rows, half_of_peak: half }, null, 2));
const md = ['| case | requests/s | baseline around it, req/s | × baseline | p50 ms | p99 ms | non-2xx |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.case} | ${r.rps.toFixed(0)} | ${r.baseline_rps} | ${r.ratio_to_baseline} | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} |`),
  ...(half.length ? ['', '| at half of its peak | target req/s | achieved req/s | p50 ms | p99 ms | non-2xx |',
    '|---|---|---|---|---|---|',
    ...half.map((r) => `| ${r.case} | ${r.target_rps.toFixed(0)} | ${r.rps.toFixed(0)} | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} |`)]
    : [])].join('\n');
writeFileSync(`${dir}/results.md`, md + '\n');
writeFileSync(`${dir}/results.svg`, chart(rows, half));
console.log(md);

/** Requests/s per case as bars (the baseline's marked), p99 beside each (and at half of peak): readable at a glance. */
function chart(rows, half) {
  const width = 960; const height = 600; const left = 250; const top = 60; const barHeight = 40; const gap = 18;
  const max = Math.max(...rows.map((r) => r.rps));
  const scale = (width - left - 250) / max;
  const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const bars = rows.map((r, i) => {
    const y = top + i * (barHeight + gap);
    const target = r.case.endsWith('-rejected') ? 0.9 : 0.8;
    const colour = r.case.startsWith('baseline-') ? '#868e96' : r.ratio_to_baseline >= target ? '#3b5bdb' : '#e8590c';
    return `<text x="${left - 10}" y="${y + 26}" text-anchor="end">${escape(r.case)}</text>`
      + `<rect x="${left}" y="${y}" width="${(r.rps * scale).toFixed(1)}" height="${barHeight}" fill="${colour}" rx="4"/>`
      + `<text x="${left + r.rps * scale + 8}" y="${y + 18}">${r.rps.toFixed(0)}/s · ${r.ratio_to_baseline}×</text>`
      + `<text x="${left + r.rps * scale + 8}" y="${y + 36}" fill="#5b6475">p99 ${r.p99_ms} ms${
        half.some((h) => h.case === r.case) ? ` · at ½ peak ${half.find((h) => h.case === r.case).p99_ms} ms` : ''}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="15">`
    + `<rect width="100%" height="100%" fill="#fff"/>`
    + `<text x="20" y="34" font-size="20" font-weight="600">/authz/check throughput per credential kind (one run, one server)</text>`
    + bars + `<text x="20" y="${height - 38}" fill="#5b6475" font-size="13">× = against the public route measured just before and after each case · grey: public route (padded: with a header as long as a workload token)</text>`
    + `<text x="20" y="${height - 16}" fill="#5b6475" font-size="13">blue: meets its target (cached ≥ 0.8×, rejected ≥ 0.9×) · orange: below</text></svg>`;
}
