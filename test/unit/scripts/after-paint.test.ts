// Tests for the build step that makes module scripts wait for first paint: what it parks, where the loader goes, what it leaves alone.
import { describe, expect, it } from 'vitest';
import { LOADER, PARKED, parkScripts } from '../../../scripts/after-paint.ts';

const page = (body: string) => `<!doctype html><html><head><script>theme()</script></head><body><main>Hi</main>${body}</body></html>`;

describe('parking a page’s scripts until first paint', () => {
  it('turns every module script into a parked one and keeps its address and order', () => {
    const out = parkScripts(page('<script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script>'));
    expect(out).not.toContain('<script type="module"');
    expect([...out.matchAll(new RegExp(`<script type="${PARKED}" src="([^"]+)">`, 'g'))].map((m) => m[1])).toEqual(['/_astro/a.js', '/_astro/b.js']);
  });

  it('adds the loader once, after the parked scripts and just before the body closes', () => {
    const out = parkScripts(page('<script type="module" src="/_astro/a.js"></script>'));
    expect(out.split(LOADER)).toHaveLength(2);
    expect(out.indexOf(LOADER)).toBeGreaterThan(out.indexOf('/_astro/a.js'));
    expect(out.endsWith(`<script>${LOADER}</script></body></html>`)).toBe(true);
  });

  it('parks Astro’s island directive too, so an island in view waits for the paint before it loads its code', () => {
    const directive = '(()=>{var a=(s)=>{s()};(self.Astro||(self.Astro={})).visible=a;window.dispatchEvent(new Event("astro:visible"));})();';
    const runtime = '(()=>{customElements.define("astro-island",class extends HTMLElement{})})();';
    const out = parkScripts(page(`<script>${directive}</script><script>${runtime}</script><script type="module" src="/a.js"></script>`));
    expect(out).toContain(`<script>self.Astro||(self.Astro={})</script><script type="${PARKED}">${directive}</script>`);
    expect(out).toContain(`<script>${runtime}</script>`);
  });

  it('leaves a page without module scripts exactly as it was', () => {
    const html = page('<script type="application/ld+json">{}</script>');
    expect(parkScripts(html)).toBe(html);
  });

  it('leaves inline scripts and data blocks alone', () => {
    const out = parkScripts(page('<script type="application/json">{"a":1}</script><script type="module" src="/x.js"></script>'));
    expect(out).toContain('<script>theme()</script>');
    expect(out).toContain('<script type="application/json">{"a":1}</script>');
  });

  it('refuses a page with module scripts but no closing body tag, naming the problem', () => {
    expect(() => parkScripts('<script type="module" src="/x.js"></script>')).toThrow(/no <\/body>/);
  });

  it('ships a loader that parses as a script and starts parked scripts of its own type', () => {
    expect(() => new Function(LOADER)).not.toThrow();
    expect(LOADER).toContain(`script[type="${PARKED}"]`);
  });
});
