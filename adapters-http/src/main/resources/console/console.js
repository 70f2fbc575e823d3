// The console's only script: copy buttons. Loaded from Latchkey itself; no inline script runs.
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
