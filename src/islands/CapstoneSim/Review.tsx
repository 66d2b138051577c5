// The end of the quarter: the scorecard (four keys in their 2024 bands, downtime, features live, night pages, spend), the guess beside the result, and the same dice with other levers.
import { useMemo, type ReactNode, type RefObject } from 'react';
import { runToEnd } from '../../sim-kit/core/model.ts';
import { BAND_WORDS, BANDS_YEAR, KEY_INFO, KEYS, type Band, type Key } from '../../models/dora/bands.ts';
import { LEVER_NAMES, model, placement, summarize, type CapstoneParams, type CapstoneState, type CapstoneSummary } from '../../models/capstone/index.ts';
import type { Placement } from '../../models/dora/bands.ts';
import { duration, hours, list, percent, workingDays } from '../../sim-kit/core/words.ts';
import { LEVER_WORDS, fewestLevers, withLevers } from './analysis.ts';
import { dollars } from './Quarter.tsx';

export const PREDICTIONS = [
  { value: 'one', label: 'One well-chosen lever is enough' },
  { value: 'some', label: 'Several levers together, but not all six' },
  { value: 'all', label: 'Only all six levers together' },
] as const;

export function BandBadge({ band }: { band: Band | null }) {
  return band ? <span className={`cluster cluster-${band}`}>{band}</span> : <span className="muted">not measured</span>;
}

const keyValue: Record<Key, (s: CapstoneSummary) => string> = {
  deploymentFrequency: (s) => `${(s.deploysPerDay ?? 0).toFixed((s.deploysPerDay ?? 0) < 1 ? 2 : 1)} deploys a working day`,
  leadTime: (s) => (s.leadTimeDays === null ? 'nothing shipped' : `median ${workingDays(s.leadTimeDays!)}`),
  changeFailureRate: (s) => (s.changeFailureRate === null ? 'no deploys' : `${percent(s.changeFailureRate!)} (${s.failedDeploys} of ${s.deploys})`),
  recoveryTime: (s) => (s.recoveryMinutes === null ? 'no failed deploy' : `mean ${duration(s.recoveryMinutes!)}`),
};

interface Column {
  label: string;
  run: CapstoneState;
}

/** One column per quarter, so settings read side by side; each key in its band with the report's words. */
export function Scorecard({ columns, caption }: { columns: readonly Column[]; caption: string }) {
  const read = columns.map((c) => ({ ...c, s: summarize(c.run), p: placement(c.run) }));
  type Read = (typeof read)[number];
  const rows: Array<[string, (c: Read) => ReactNode]> = [
    ...KEYS.map((k): [string, (c: Read) => ReactNode] => [
      KEY_INFO[k].label,
      ({ s, p }) => (
        <>
          {keyValue[k](s)} · <BandBadge band={p.bands[k]} />
          {p.bands[k] && <span className="muted"> ({BAND_WORDS[k][p.bands[k]!]})</span>}
          {p.band !== 'elite' && p.weakestKeys.includes(k) && <strong> weakest</strong>}
        </>
      ),
    ]),
    ['Downtime', ({ s }) => duration(s.downtimeMinutes ?? 0)],
    ['Features live', ({ s }) => String(s.featuresLive)],
    ['Night-time pages', ({ s }) => `${s.nightPages} of ${s.pages} incidents`],
    ['Spend', ({ s }) => `${dollars(s.spend ?? 0)} a quarter`],
    ['Upkeep', ({ s }) => `${s.toilHoursPerWeek} hours a week`],
  ];
  return (
    <div className="table-scroll">
      <table className="scorecard" data-scorecard>
        <caption>
          {caption} <span className="muted">(bands from DORA’s {BANDS_YEAR} report)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {read.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {read.map((c) => (
                <td key={c.label}>{cell(c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function weakestSentence(p: Placement): ReactNode {
  if (p.weakest === null) return 'Nothing was deployed, so no key can be placed.';
  if (p.band === 'elite') return <>All four keys are in the elite band of DORA’s {BANDS_YEAR} report.</>;
  return (
    <>
      Your weakest key is <strong>{KEY_INFO[p.weakest].label.toLowerCase()}</strong>, in the <BandBadge band={p.band} /> band of DORA’s {BANDS_YEAR} report: a
      team is as strong as its weakest key, since the report’s clusters were teams good at all four at once.
    </>
  );
}

interface Props {
  run: CapstoneState;
  params: CapstoneParams;
  seed: number;
  prediction: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ run, params, seed, prediction, headingRef }: Props) {
  const s = summarize(run);
  const p = placement(run);
  const fewest = useMemo(() => fewestLevers(params, seed), [params, seed]);
  const guessed = PREDICTIONS.find((x) => x.value === prediction);
  const tiles: Array<[string, string, string]> = [
    ['elite', 'Keys in the elite band', `${s.eliteKeys} of 4`],
    ['live', 'Features live', String(s.featuresLive)],
    ['downtime', 'Downtime', hours(s.downtimeMinutes ?? 0)],
    ['night', 'Night-time pages', String(s.nightPages)],
    ['spend', 'Spend', dollars(s.spend ?? 0)],
    ['deploys', 'Deploys', String(s.deploys)],
  ];
  const pulled = LEVER_NAMES.filter((n) => run.params.levers[n] === withLevers(params, 'best').levers[n]);
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        Quarter over: {s.eliteKeys} of 4 keys elite, {s.featuresLive} features live
      </h3>
      <dl className="sim-stats sim-tiles">
        {tiles.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-tile={key}>{value}</dd>
          </div>
        ))}
      </dl>
      {guessed && (
        <p className="sim-prediction" data-prediction={fewest?.answer === prediction ? 'right' : 'wrong'}>
          <strong>You predicted:</strong> {guessed.label.toLowerCase()} to reach elite on all four keys. <strong>On your dice:</strong>{' '}
          {fewest
            ? `the fewest levers that did it were ${fewest.levers.length} (${list(fewest.levers.map((n) => LEVER_WORDS[n]))}), each at its strongest, with the usual answers to incidents.`
            : 'not even all six levers together reached elite on every key.'}{' '}
          {fewest?.answer === prediction ? 'Your guess was right.' : 'A surprise? The comparison below shows the quarter with other levers.'}
        </p>
      )}
      <p data-weakest>{weakestSentence(p)}</p>
      <Scorecard caption="Your quarter, key by key" columns={[{ label: 'Your quarter', run }]} />
      <p data-explain>
        You pulled {pulled.length} of the six levers to their strongest choice{pulled.length ? ` (${list(pulled.map((n) => LEVER_WORDS[n]))})` : ''}. The levers
        compound: small deploys only help lead time if tests are fast and nobody waits for a handoff; the change failure rate falls only when tests catch
        defects; recovery under an hour needs someone close by to notice and a quick way back (a kill switch, or a rollback on infrastructure defined as code).
        A managed service buys back upkeep hours for money, but does nothing for a lever you have not pulled.
      </p>
    </section>
  );
}

/** Same dice, other levers: the learner's quarter beside the company at the start, the fewest levers that reached elite, and all six. */
export function Compare({ run, params, seed }: { run: CapstoneState; params: CapstoneParams; seed: number }) {
  const columns = useMemo(() => {
    const fewest = fewestLevers(params, seed);
    const start = withLevers(params, 'start');
    const cols: Column[] = [
      { label: 'Your quarter', run },
      { label: 'At the start', run: runToEnd(model, { ...start, managed: { parity: false, tests: false, iac: false, deploy: false, flags: false } }, seed) },
    ];
    if (fewest && fewest.levers.length < LEVER_NAMES.length) {
      const levers = { ...start.levers };
      const best = withLevers(params, 'best').levers;
      for (const n of fewest.levers) (levers as Record<string, string>)[n] = best[n];
      cols.push({
        label: `Only ${list(fewest.levers.map((n) => LEVER_WORDS[n]))}`,
        run: runToEnd(model, { ...start, levers, managed: cols[1]!.run.params.managed }, seed),
      });
    }
    cols.push({ label: 'All six levers', run: runToEnd(model, withLevers(params, 'best'), seed) });
    return cols;
  }, [run, params, seed]);
  return (
    <section className="sim-compare" aria-labelledby="compare-heading">
      <h4 id="compare-heading">Same dice, other levers</h4>
      <p>
        The same changes, defects and failing servers (seed {seed}), played with other levers and the usual answers to incidents. “All six levers” keeps your
        managed services. Any gap between the columns is the levers, not luck.
      </p>
      <Scorecard caption="Your quarter beside other levers on the same dice" columns={columns} />
    </section>
  );
}
