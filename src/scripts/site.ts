// Site-wide behaviour on every page: theme picker, the "/" search shortcut, glossary toggletips and the progress notice.
import { $notice } from './progress-store.ts';

const THEME_KEY = 'ship-small:theme';
/** The site's base path, with one trailing slash. */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

function setupTheme(): void {
  const select = document.querySelector<HTMLSelectElement>('#theme-select');
  if (!select) return;
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(THEME_KEY);
  } catch {
    /* no storage: theme follows the system */
  }
  select.value = saved === 'light' || saved === 'dark' ? saved : 'system';
  select.addEventListener('change', () => {
    const value = select.value;
    if (value === 'light' || value === 'dark') document.documentElement.dataset.theme = value;
    else delete document.documentElement.dataset.theme;
    try {
      if (value === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, value);
    } catch {
      /* the choice lasts for this page only */
    }
  });
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function setupSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || isTyping(event.target)) return;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
    const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!slash && !ctrlK) return;
    event.preventDefault();
    const input = document.querySelector<HTMLInputElement>('#search-input');
    if (input) input.focus();
    else window.location.href = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/search/`;
  });
}

function setupTerms(): void {
  const close = (button: HTMLButtonElement) => {
    button.setAttribute('aria-expanded', 'false');
    document.getElementById(button.getAttribute('aria-controls') ?? '')?.setAttribute('hidden', '');
  };
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.term-button')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') === 'true';
      for (const other of buttons) close(other);
      if (!open) {
        button.setAttribute('aria-expanded', 'true');
        document.getElementById(button.getAttribute('aria-controls') ?? '')?.removeAttribute('hidden');
      }
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const open = buttons.find((b) => b.getAttribute('aria-expanded') === 'true');
    if (open) {
      close(open);
      open.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-term]')) return;
    for (const button of buttons) close(button);
  });
}

function setupNotice(): void {
  const region = document.getElementById('progress-notice');
  if (!region) return;
  $notice.subscribe((notice) => {
    region.replaceChildren();
    if (!notice) return;
    const p = document.createElement('p');
    p.className = notice.tone;
    p.textContent = notice.message;
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'button secondary';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', () => $notice.set(null));
    p.append(dismiss);
    region.append(p);
  });
}

for (const button of document.querySelectorAll('[data-print]')) button.addEventListener('click', () => window.print());

/**
 * The web manifest that makes the course installable, linked once this script runs rather than in the head: a head link
 * is fetched before first paint and held the paint back by about 150 ms on a throttled phone.
 */
function linkManifest(): void {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: `${BASE}manifest.webmanifest` }));
}

/** Offline support: the Workbox service worker written at build time (never in dev, where files change under it). */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(`${BASE}sw.js`, { scope: BASE }).catch(() => {
    /* offline support is a bonus: the course works without it */
  });
}

setupTheme();
linkManifest();
registerServiceWorker();
setupSearchShortcut();
setupTerms();
setupNotice();
