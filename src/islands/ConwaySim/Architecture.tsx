// The architecture as it grows: a grid of the system's parts (product area by layer) named and shaded by the module that owns them, the seams between modules, and a table.
import { useId, useRef } from 'react';
import { architecture, LAYERS, type ConwayState } from '../../models/conway/index.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { DataTable } from '../../sim-kit/react/charts.tsx';
import { useWidth } from '../../sim-kit/react/hooks.ts';
import { describeArchitecture, LAYER_WORDS, ownerGrid, SEAM_WORDS } from './run-words.ts';

/** Light fills with dark text, readable in either theme; a module keeps its fill for the whole run (by its id). */
const FILLS = ['#cfe3ff', '#ffe0b3', '#d4f0d0', '#f3d1ef', '#fff2a8', '#c9f0ee', '#e6dcff', '#ffd6d6'];
/** Shorter team names for narrow cells (the table beneath keeps the full names). */
const SHORT: Record<string, string> = { Operations: 'Ops', 'Front end': 'Front', 'Back end': 'Back', Accounts: 'Accts' };
const fillFor = (moduleId: string, legacy: boolean) => {
  if (legacy) return '#dddddd';
  let h = 0;
  for (const ch of moduleId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FILLS[h % FILLS.length]!;
};

export function Architecture({ run }: { run: ConwayState }) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const width = Math.max(300, useWidth(box, 560));
  const grid = ownerGrid(run);
  const { modules, edges } = architecture(run);
  const label = width < 420 ? 66 : 74;
  const head = 24;
  const rowH = 46;
  const colW = (width - label) / LAYERS.length;
  const height = head + rowH * grid.length + 2;
  const name = new Map(modules.map((m) => [m.id, m.name]));
  const seams = [...edges].sort((a, b) => b.incidents - a.incidents || b.crossings - a.crossings);
  return (
    <section className="conway-arch" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>The system your teams built</h4>
      <figure ref={box} className="arch-picture">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-cap`} fontSize={13}>
          <g aria-hidden="true">
            {LAYERS.map((l, j) => (
              <text key={l} x={label + colW * j + colW / 2} y={16} textAnchor="middle" fill="var(--fg)" fontWeight="700">
                {LAYER_WORDS[l]}
              </text>
            ))}
            {grid.map((row, i) => (
              <g key={row.domain} transform={`translate(0,${head + i * rowH})`}>
                <text x={0} y={rowH / 2 + 5} fill="var(--fg)" fontWeight="700">
                  {row.domain}
                </text>
                {row.cells.map((c, j) => (
                  <g key={c.layer} transform={`translate(${label + colW * j + 2},2)`} data-cell={`${i}-${j}`}>
                    <rect
                      width={colW - 4}
                      height={rowH - 4}
                      rx="6"
                      fill={c.module ? fillFor(c.module, c.legacy) : 'none'}
                      stroke={c.module ? '#333333' : 'var(--border)'}
                      strokeDasharray={c.module && !c.legacy ? undefined : '4 3'}
                    />
                    <text x={(colW - 4) / 2} y={c.legacy ? 17 : 26} textAnchor="middle" fill={c.module ? '#111111' : 'var(--muted)'}>
                      {c.name ? (colW < 84 ? (SHORT[c.name] ?? c.name) : c.name) : colW < 84 ? '—' : 'not built'}
                    </text>
                    {c.legacy && (
                      <text x={(colW - 4) / 2} y={34} textAnchor="middle" fill="#111111">
                        (earlier)
                      </text>
                    )}
                  </g>
                ))}
              </g>
            ))}
          </g>
        </svg>
        <figcaption id={`${id}-cap`}>{describeArchitecture(run)}</figcaption>
        <details>
          <summary>The system as a table</summary>
          <DataTable
            caption="Which team’s module holds each part"
            columns={['Area', ...LAYERS.map((l) => LAYER_WORDS[l])]}
            rows={grid.map((r) => [r.domain, ...r.cells.map((c) => (c.name ? `${c.name}${c.legacy ? ' (earlier organisation)' : ''}` : 'not built'))])}
          />
        </details>
      </figure>
      <h5>Seams between modules</h5>
      {seams.length === 0 ? (
        <p className="muted">No feature has crossed between two modules yet.</p>
      ) : (
        <ul className="seams" data-seams>
          {seams.map((e) => (
            <li key={`${e.a}|${e.b}`} data-talk={e.talk} data-incidents={e.incidents}>
              <strong>
                {name.get(e.a)} and {name.get(e.b)}
              </strong>
              : {SEAM_WORDS[e.talk]}. Crossed {plural(e.crossings, 'time')},{' '}
              <span className={e.incidents ? 'seam-bad' : undefined}>{plural(e.incidents, 'incident')}</span>.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
