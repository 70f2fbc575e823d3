// The console's only script: copy buttons, readable times, and live sections. Loaded from Latchkey
// itself; no inline script runs.
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
const relativeTimes = (root) => {
  for (const time of root.querySelectorAll('time[datetime]')) {
    const at = new Date(time.dateTime);
    if (Number.isNaN(at.getTime())) continue;
    const seconds = Math.round((at.getTime() - Date.now()) / 1000);
    const [unit, size] = units.find(([, length]) => Math.abs(seconds) >= length) || ['second', 1];
    time.textContent = relative.format(Math.round(seconds / size), unit);
    time.title = at.toLocaleString();
  }
};

// A section marked data-live (the approvals queue) is fetched again every few seconds, from the page
// its attribute names, while the page is in view, so a workload's new request shows up without a
// reload. It is left alone while one of its buttons or fields has focus, so nothing moves under the
// admin's hand; a failed fetch is tried next time.
const served = new Map();
for (const section of document.querySelectorAll('section[data-live][id]')) {
  served.set(section.id, section.innerHTML);
}
relativeTimes(document);
if (served.size > 0) {
  setInterval(async () => {
    if (document.visibilityState !== 'visible') return;
    if (document.activeElement && document.activeElement.closest('section[data-live]')) return;
    for (const section of document.querySelectorAll('section[data-live][id]')) {
      try {
        const source = new URL(section.dataset.live, location.href);
        if (source.origin !== location.origin) continue;
        const response = await fetch(source, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
        if (!response.ok) continue;
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
        const next = fresh.getElementById(section.id);
        if (next && next.innerHTML !== served.get(section.id)) {
          served.set(section.id, next.innerHTML);
          section.innerHTML = next.innerHTML;
          relativeTimes(section);
        }
      } catch (offline) {
        // the network or the server is away for a moment: the next tick tries again
      }
    }
  }, 3000);
}
