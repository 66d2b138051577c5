// Build step: each page's module scripts wait until the page has painted, so no script request stands between a phone and its first paint.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The type a parked script carries: a browser neither fetches nor runs a script of a type it does not know. */
export const PARKED = 'text/x-after-paint';

/**
 * Starts the parked scripts, in document order, once the first contentful paint is recorded; at once on a page opened
 * in the background, which does not paint, and in a browser without paint timing. Never on a timer, so scripts cannot
 * start before the paint however slow the machine (the page audit checks that order). A parked file becomes a module
 * script (in order: async off), a parked inline script runs as it was; one script per task, so starting them is a few
 * short tasks rather than one long one. `<html data-scripts>` reads "waiting", then "ready" once every script has run
 * or failed. Written small by hand: every page carries it.
 */
export const LOADER = [
  '(()=>{const d=document,a=d.documentElement.dataset,ok=()=>a.scripts="ready",go=()=>{if(a.scripts!="waiting")return;a.scripts="loading";',
  `const q=[...d.querySelectorAll('script[type="${PARKED}"]')];let n=q.length;const done=()=>--n||ok(),step=()=>{const o=q.shift();if(!o)return;`,
  'const s=d.createElement("script");if(o.src){s.type="module";s.async=!1;s.src=o.src;s.onload=s.onerror=done}else s.text=o.text;',
  'o.replaceWith(s);o.src||done();setTimeout(step)};n?step():ok()};',
  'a.scripts="waiting";d.visibilityState=="hidden"||!PerformanceObserver.supportedEntryTypes.includes("paint")?go():',
  'new PerformanceObserver(l=>l.getEntriesByName("first-contentful-paint")[0]&&go()).observe({type:"paint",buffered:!0})})()',
].join('');

/** Astro's inline definition of a hydration directive (client:visible and the like): islands wait for it before they load. */
const DIRECTIVE = /<script>(\(\(\)=>\{(?:(?!<\/script>)[\s\S])*?window\.dispatchEvent\(new Event\("astro:\w+"\)\);\}\)\(\);)<\/script>/g;

/**
 * A page with its module scripts and its islands' hydration directives parked, and the loader before `</body>`; a page
 * with neither is returned unchanged. An island in view at load would otherwise fetch its code before the first paint.
 */
export function parkScripts(html: string): string {
  let parked = 0;
  const out = html
    .replace(/<script type="module" src="/g, () => {
      parked++;
      return `<script type="${PARKED}" src="`;
    })
    .replace(DIRECTIVE, (_m, body: string) => {
      parked++;
      // Astro's island script reads the global `Astro` as soon as an island connects; the directive used to create it.
      return `<script>self.Astro||(self.Astro={})</script><script type="${PARKED}">${body}</script>`;
    });
  if (parked === 0) return html;
  const end = out.lastIndexOf('</body>');
  if (end < 0) throw new Error('after-paint: a page with module scripts has no </body> to put the loader before');
  return `${out.slice(0, end)}<script>${LOADER}</script>${out.slice(end)}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** The Astro integration: parks the scripts of every built page. */
export default function afterPaint(): AstroIntegration {
  return {
    name: 'ship-small:after-paint',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        let changed = 0;
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          const next = parkScripts(html);
          if (next !== html) {
            writeFileSync(file, next);
            changed++;
          }
        }
        logger.info(`module scripts start after first paint on ${changed} of ${files.length} pages`);
      },
    },
  };
}
