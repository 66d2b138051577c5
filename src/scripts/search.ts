// The search page: loads Pagefind's index on demand and lists matching lessons with highlighted excerpts.
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search: (query: string) => Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch?: (query: string, options?: object, ms?: number) => Promise<{ results: PagefindResult[] } | null>;
}

const base = import.meta.env.BASE_URL.replace(/\/$/, '');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('#search-input');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
let pagefind: Promise<Pagefind> | undefined;

function load(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${base}/pagefind/pagefind.js`) as Promise<Pagefind>;
  return pagefind;
}

/** Pagefind excerpts contain only <mark> tags; rebuild them safely rather than trusting the markup. */
function excerptNode(excerpt: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parts = excerpt.split(/(<mark>.*?<\/mark>)/g);
  for (const part of parts) {
    const match = /^<mark>(.*)<\/mark>$/.exec(part);
    const text = (match ? match[1]! : part)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    if (match) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      fragment.append(mark);
    } else fragment.append(text);
  }
  return fragment;
}

let latest = 0;
async function run(query: string): Promise<void> {
  const id = ++latest;
  if (!list || !status) return;
  if (query.trim().length < 2) {
    list.replaceChildren();
    status.textContent = 'Type at least two letters.';
    return;
  }
  try {
    const engine = await load();
    const response = await engine.search(query);
    const results = await Promise.all((response?.results ?? []).slice(0, 10).map((r) => r.data()));
    if (id !== latest) return;
    list.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = r.url;
        a.textContent = r.meta.title ?? r.url;
        const p = document.createElement('p');
        p.append(excerptNode(r.excerpt));
        li.append(a, p);
        return li;
      }),
    );
    status.textContent = results.length ? `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”.` : `No lesson mentions “${query}”.`;
  } catch (error) {
    console.warn('Search could not run:', error);
    status.textContent = 'Search is not available right now (its index did not load). The course map lists every lesson.';
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
input?.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(input.value), 200);
});
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  if (input) void run(input.value);
});
const initial = new URLSearchParams(window.location.search).get('q');
if (input && initial) {
  input.value = initial.slice(0, 100);
  void run(input.value);
}
input?.focus();
