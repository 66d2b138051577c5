// Choosing the pages the audits visit: one per route, plus every page with a simulation island.
import { describe, expect, it } from 'vitest';
import { pagesToAudit, routesIn, type BuiltPage, type Route } from '../../../scripts/audit-pages.ts';

const routes: Route[] = [
  { pattern: '/', dynamic: false },
  { pattern: '/404.html', dynamic: false },
  { pattern: '/lessons/', dynamic: false },
  { pattern: '/lessons/[slug]/', dynamic: true },
  { pattern: '/instructor/[slug]/', dynamic: true },
  { pattern: '/instructor/debrief/', dynamic: false },
];
const page = (path: string, bytes = 100, island = false): BuiltPage => ({ path, bytes, island });

describe('choosing pages to audit', () => {
  it('takes each static page, the largest plain page of a dynamic route, and every page of it with an island', () => {
    const pages = [
      page('/'),
      page('/404.html'),
      page('/lessons/'),
      page('/lessons/a/', 500),
      page('/lessons/b/', 900),
      page('/lessons/sim-one/', 2000, true),
      page('/lessons/sim-two/', 1500, true),
      page('/instructor/debrief/', 300, true),
      page('/instructor/a/', 200),
    ];
    expect(pagesToAudit(pages, routes)).toEqual([
      { path: '/', route: '/', kind: 'page' },
      { path: '/instructor/a/', route: '/instructor/[slug]/', kind: 'page' },
      { path: '/instructor/debrief/', route: '/instructor/debrief/', kind: 'sim' },
      { path: '/lessons/', route: '/lessons/', kind: 'page' },
      { path: '/lessons/b/', route: '/lessons/[slug]/', kind: 'page' },
      { path: '/lessons/sim-one/', route: '/lessons/[slug]/', kind: 'sim' },
      { path: '/lessons/sim-two/', route: '/lessons/[slug]/', kind: 'sim' },
    ]);
  });

  it('audits a page no route explains on its own instead of skipping it', () => {
    expect(pagesToAudit([page('/extra/')], routes)).toEqual([{ path: '/extra/', route: '/extra/', kind: 'page' }]);
  });

  it('reads the routes of this site from src/pages, static and dynamic', () => {
    const found = routesIn('src/pages');
    expect(found).toContainEqual({ pattern: '/', dynamic: false });
    expect(found).toContainEqual({ pattern: '/lessons/[slug]/', dynamic: true });
    expect(found).toContainEqual({ pattern: '/instructor/debrief/', dynamic: false });
    expect(found).toContainEqual({ pattern: '/404.html', dynamic: false });
  });
});
