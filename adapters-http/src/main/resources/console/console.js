// The console's only script: copy buttons and readable times. Loaded from Latchkey itself; no inline script runs.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  navigator.clipboard.writeText(source.textContent.trim()).then(() => {
    button.textContent = 'Copied';
  }, () => {
    button.textContent = 'Select and copy it by hand';
  });
});

// Times as the API gave them (ISO, UTC) become relative ("3 minutes ago") in the viewer's language,
// with the exact time in the viewer's zone on hover.
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400],
  ['hour', 3600], ['minute', 60], ['second', 1]];
for (const time of document.querySelectorAll('time[datetime]')) {
  const at = new Date(time.dateTime);
  if (Number.isNaN(at.getTime())) continue;
  const seconds = Math.round((at.getTime() - Date.now()) / 1000);
  const [unit, size] = units.find(([, length]) => Math.abs(seconds) >= length) || ['second', 1];
  time.textContent = relative.format(Math.round(seconds / size), unit);
  time.title = at.toLocaleString();
}
