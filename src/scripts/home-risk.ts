// The home page's one live element: the chance that a deploy breaks production, as the learner changes its size.
const form = document.querySelector<HTMLFormElement>('[data-home-risk]');
if (form) {
  const size = form.querySelector<HTMLInputElement>('input[name="size"]')!;
  const out = form.querySelector<HTMLElement>('[data-risk-text]')!;
  const bar = form.querySelector<HTMLMeterElement>('[data-risk-bar]')!;
  const p = Number(form.dataset.p);
  const render = () => {
    const n = Number(size.value);
    const risk = 1 - (1 - p) ** n;
    out.textContent = `${n} change${n === 1 ? '' : 's'} in one deploy: a ${(risk * 100).toFixed(risk < 0.995 ? 0 : 1)}% chance of breaking production.`;
    bar.value = risk;
  };
  size.addEventListener('input', render);
  render();
}
