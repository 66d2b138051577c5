// Copy buttons for links an instructor hands out: copies the button's data-copy text and says so in the page's status line.

const copyStatus = document.querySelector<HTMLElement>('[data-copy-status]');

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = button.dataset['copy'] ?? '';
    const label = button.dataset['copyLabel'] ?? 'the link';
    try {
      await navigator.clipboard.writeText(text);
      if (copyStatus) copyStatus.textContent = `Copied the link for ${label}.`;
    } catch {
      if (copyStatus) copyStatus.textContent = `This browser did not allow copying. Select the link for ${label} and copy it by hand: ${text}`;
    }
  });
}
