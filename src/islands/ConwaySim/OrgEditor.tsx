// The organisation drawn two ways: a list editor (a team for each person, a focus for each team, how each pair of teams talks) and the picture it gives.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  DOMAIN_WORDS,
  DOMAINS,
  MAX_TEAMS,
  movePerson,
  ROSTER,
  setFocus,
  setLink,
  SKILL_WORDS,
  talkBetween,
  teamNames,
  type Domain,
  type LinkKind,
  type Org,
  type PersonId,
} from '../../models/conway/index.ts';
import { useWidth } from '../../sim-kit/react/hooks.ts';
import { describeOrg, memberNames } from './words.ts';

const TEXT = 13;

/** The teams on an ellipse, joined by a solid line (daily), a dashed line (tickets) or nothing; drawn at its shown width so its text stays 13 px. */
export function OrgPicture({ org, caption }: { org: Org; caption: string }) {
  const box = useRef<HTMLElement>(null);
  const width = Math.max(280, useWidth(box, 520));
  const names = teamNames(org);
  const n = org.teams.length;
  const nodeW = Math.min(150, Math.floor(width / 2.6));
  const nodeH = 46;
  const height = n <= 2 ? 130 : 250;
  const cx = width / 2;
  const cy = height / 2;
  const rx = Math.max(0, (width - nodeW) / 2 - 4);
  const ry = Math.max(0, (height - nodeH) / 2 - 4);
  const at = (i: number) => {
    if (n === 1) return { x: cx, y: cy };
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n + (n === 2 ? Math.PI / 2 : 0);
    return { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  };
  const id = useId();
  return (
    <figure className="org-picture" ref={box}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-cap`} fontSize={TEXT}>
        <g aria-hidden="true">
          {org.links.map((l) => {
            const a = at(l.a);
            const b = at(l.b);
            return (
              <line
                key={`${l.a}-${l.b}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke="var(--fg)"
                strokeWidth={l.kind === 'daily' ? 3 : 2}
                strokeDasharray={l.kind === 'tickets' ? '7 5' : undefined}
                data-link={l.kind}
              />
            );
          })}
          {org.teams.map((t, i) => {
            const p = at(i);
            const people = memberNames(org, i).join(' ');
            const ops = t.members.some((m) => ROSTER.find((r) => r.id === m)!.skill === 'ops');
            return (
              <g key={i} transform={`translate(${p.x - nodeW / 2},${p.y - nodeH / 2})`}>
                <rect width={nodeW} height={nodeH} rx="8" fill="var(--surface)" stroke={ops ? 'var(--accent)' : 'var(--border)'} strokeWidth={ops ? 3 : 2} />
                <text x={nodeW / 2} y={18} textAnchor="middle" fill="var(--fg)" fontWeight="700">
                  {names[i]}
                </text>
                <text x={nodeW / 2} y={36} textAnchor="middle" fill="var(--fg)">
                  {people.length * 7 > nodeW - 8 ? t.members.join(' ') : people}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption id={`${id}-cap`}>{caption}</figcaption>
      <p className="muted org-key">
        Solid line: the two teams talk every day. Dashed line: they talk through tickets. No line: they do not talk. A thick blue border marks a team with
        operations engineers in it.
      </p>
    </figure>
  );
}

const KIND_WORDS: Record<LinkKind | 'none', string> = { daily: 'Talk every day', tickets: 'Through tickets', none: 'Do not talk' };

interface EditorProps {
  org: Org;
  onChange: (org: Org) => void;
  disabled?: boolean;
  /** A heading for the editor's region. */
  label: string;
  /**
   * Whether the lists start folded under a summary (the picture stays in view). The setup folds them, so a newcomer meets
   * a picture and a Start button rather than 22 selects; `open` unfolds them, for example when the learner chooses their
   * own teams. Folded lists also cost a phone nothing to lay out or to expose to assistive technology until asked for.
   */
  folded?: { open: boolean };
}

/** The lists under a summary that names what they change, unfolded by the learner or whenever `open` turns true. */
function Fold({ open, children }: { open: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(open);
  useEffect(() => {
    if (open) setShown(true);
  }, [open]);
  return (
    <details className="org-fold" open={shown} onToggle={(e) => setShown((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Change the teams: who is in each, what each works on, who talks to whom</summary>
      {children}
    </details>
  );
}

/** The list editor beside the picture: everything the picture shows, as selects a keyboard and a screen reader can use; each change is announced. */
export function OrgEditor({ org, onChange, disabled = false, label, folded }: EditorProps) {
  const id = useId();
  const [said, setSaid] = useState('');
  const names = teamNames(org);
  const teamOf = (p: PersonId) => org.teams.findIndex((t) => t.members.includes(p));
  const change = (next: Org, sentence: string) => {
    onChange(next);
    setSaid(sentence);
  };
  const pairs = org.teams.flatMap((_, a) => org.teams.map((__, b) => [a, b] as const).filter(([x, y]) => x < y));
  const lists = (
    <div className="org-lists">
      <fieldset disabled={disabled}>
        <legend>Each person’s team</legend>
        <ul className="org-people">
          {ROSTER.map((p) => {
            const team = teamOf(p.id);
            return (
              <li key={p.id}>
                <label>
                  <span>
                    {p.name} <span className="muted">({SKILL_WORDS[p.skill].toLowerCase()})</span>
                  </span>
                  <select
                    value={String(team)}
                    data-person={p.id}
                    onChange={(e) => {
                      const to = e.target.value === 'new' ? org.teams.length : Number(e.target.value);
                      const next = movePerson(org, p.id, to);
                      const where = teamNames(next)[next.teams.findIndex((t) => t.members.includes(p.id))];
                      change(next, `${p.name} is now in ${where}. ${next.teams.length} teams.`);
                    }}
                  >
                    {names.map((name, i) => (
                      <option key={i} value={String(i)}>
                        {name}
                      </option>
                    ))}
                    {org.teams.length < MAX_TEAMS && !(org.teams[team]!.members.length === 1) && <option value="new">A new team</option>}
                  </select>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>What each team is organised around</legend>
        <ul className="org-teams">
          {org.teams.map((t, i) => (
            <li key={i}>
              <label>
                <span>
                  {names[i]} <span className="muted">({memberNames(org, i).join(', ')})</span>
                </span>
                <select
                  value={t.focus ?? 'none'}
                  data-team-focus={i}
                  onChange={(e) => {
                    const focus = e.target.value === 'none' ? null : (e.target.value as Domain);
                    const next = setFocus(org, i, focus);
                    change(
                      next,
                      `Team ${i + 1} is now ${teamNames(next)[i]}${focus ? `, organised around ${DOMAIN_WORDS[focus].toLowerCase()}` : ', organised by skill'}.`,
                    );
                  }}
                >
                  {DOMAINS.map((d) => (
                    <option key={d} value={d}>
                      {DOMAIN_WORDS[d]}
                    </option>
                  ))}
                  <option value="none">Its skill, no product area</option>
                </select>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {pairs.length > 0 && (
        <fieldset disabled={disabled}>
          <legend>Who talks to whom</legend>
          <ul className="org-links">
            {pairs.map(([a, b]) => (
              <li key={`${a}-${b}`}>
                <label>
                  <span>
                    {names[a]} and {names[b]}
                  </span>
                  <select
                    value={talkBetween(org, a, b)}
                    data-pair={`${a + 1}-${b + 1}`}
                    onChange={(e) => {
                      const kind = e.target.value as LinkKind | 'none';
                      change(setLink(org, a, b, kind), `${names[a]} and ${names[b]}: ${KIND_WORDS[kind].toLowerCase()}.`);
                    }}
                  >
                    {(['daily', 'tickets', 'none'] as const).map((k) => (
                      <option key={k} value={k}>
                        {KIND_WORDS[k]}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
  return (
    <section className="org-editor" aria-labelledby={`${id}-h`} data-org-editor>
      <h4 id={`${id}-h`}>{label}</h4>
      <div className="org-columns">
        <OrgPicture org={org} caption={describeOrg(org)} />
        {folded ? <Fold open={folded.open}>{lists}</Fold> : lists}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
