// Shows a "Resume" link to the last lesson the learner opened, wherever a [data-resume] slot exists.
import { $progress } from './progress-store.ts';

export function setupResume(titles: Record<string, string> = {}): void {
  const slot = document.querySelector<HTMLElement>('[data-resume]');
  const link = slot?.querySelector<HTMLAnchorElement>('a');
  if (!slot || !link) return;
  $progress.subscribe((p) => {
    const valid = p.last && (Object.keys(titles).length === 0 || titles[p.last.slug]);
    slot.hidden = !valid;
    if (!p.last || !valid) return;
    link.href = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/lessons/${p.last.slug}/`;
    link.textContent = titles[p.last.slug] ? `Resume: ${titles[p.last.slug]}` : 'Resume where you left off';
  });
}
