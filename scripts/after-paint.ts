// Build step: each page's module scripts wait until the page has painted, so no script request stands between a phone and its first paint.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The type a parked script carries: a browser neither fetches nor runs a script of a type it does not know. */
export const PARKED = 'text/x-after-paint';

/**
 * Starts the parked scripts, in document order, once the first contentful paint is recorded; at once on a page opened
 * in the background, which does not paint; after 3 s in a browser that reports no paint. `<html data-scripts>` reads
 * "waiting", then "ready" once every script has run or failed. Written small by hand: every page carries it.
 */
export const LOADER = [
  '(()=>{const d=document,a=d.documentElement.dataset,go=()=>{if(a.scripts!="waiting")return;a.scripts="loading";let n=0;',
  `for(const o of d.querySelectorAll('script[type="${PARKED}"]')){const s=d.createElement("script");n++;`,
  's.type="module";s.async=!1;s.src=o.src;s.onload=s.onerror=()=>--n||(a.scripts="ready");o.replaceWith(s)}};a.scripts="waiting";',
  'd.visibilityState=="hidden"?go():(setTimeout(go,3e3),new PerformanceObserver(l=>l.getEntriesByName("first-contentful-paint")[0]&&go())',
  '.observe({type:"paint",buffered:!0}))})()',
].join('');

/** A page with its module scripts parked and the loader before `</body>`; a page with none is returned unchanged. */
export function parkScripts(html: string): string {
  let parked = 0;
  const out = html.replace(/<script type="module" src="/g, () => {
    parked++;
    return `<script type="${PARKED}" src="`;
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
