// The side-by-side run as a bar chart: server CPU per request for each job, Latchkey beside Keycloak and oidc-provider
// (shorter is better). Reads the run's rows (job, server, req/s, CPU ms, non-2xx; tab-separated) and
// writes an SVG.
import { readFileSync, writeFileSync } from 'node:fs';

const [rowsFile, svgFile] = process.argv.slice(2);
const rows = readFileSync(rowsFile, 'utf8').trim().split('\n').map(line => line.split('\t'));
const jobs = [...new Set(rows.map(r => r[0]))];
const cpu = (job, who) => Number(rows.find(r => r[0] === job && r[1] === who)?.[3] ?? NaN);
const max = Math.max(...rows.map(r => Number(r[3])));
const width = 960, left = 330, barMax = width - left - 90, rowHeight = 88;
const height = 70 + jobs.length * rowHeight + 30;
const colors = { Latchkey: '#2f6f4f', Keycloak: '#b0b7c3', 'oidc-provider': '#d9b36c' };
const escape = text => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
let bars = '';
jobs.forEach((job, i) => {
  const y = 70 + i * rowHeight;
  bars += `<text x="${left - 12}" y="${y + 26}" text-anchor="end" font-size="14">${escape(job)}</text>`;
  Object.keys(colors).forEach((who, j) => {
    const value = cpu(job, who);
    if (Number.isNaN(value)) return;
    const w = Math.max(2, (value / max) * barMax), by = y + 6 + j * 24;
    bars += `<rect x="${left}" y="${by}" width="${w.toFixed(1)}" height="20" fill="${colors[who]}"/>`
      + `<text x="${left + w + 6}" y="${by + 15}" font-size="13">${value.toFixed(3)} ms</text>`;
  });
});
writeFileSync(svgFile, `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`
  + `<rect width="100%" height="100%" fill="white"/>`
  + `<text x="20" y="30" font-size="18" font-weight="bold">Server CPU per request, one run (shorter is better)</text>`
  + `<rect x="${left}" y="42" width="14" height="14" fill="${colors.Latchkey}"/><text x="${left + 20}" y="54" font-size="13">Latchkey</text>`
  + `<rect x="${left + 110}" y="42" width="14" height="14" fill="${colors.Keycloak}"/><text x="${left + 130}" y="54" font-size="13">Keycloak</text>`
  + `<rect x="${left + 220}" y="42" width="14" height="14" fill="${colors['oidc-provider']}"/><text x="${left + 240}" y="54" font-size="13">oidc-provider</text>`
  + bars + '</svg>\n');
