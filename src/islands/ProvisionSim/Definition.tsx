// The definition as a small form and as the text file it stands for, and a plan as a list of + / ~ / - lines that say what each does in words.
import { useId } from 'react';
import { DATABASE_PORT, MAX_COUNT, PORTS, SIZES, type Definition, type PlanStep, type Port } from '../../models/provision/index.ts';
import { list } from '../../sim-kit/core/words.ts';

const PORT_NAMES: Record<Port, string> = { 22: 'SSH', 80: 'HTTP', 443: 'HTTPS', 5432: 'the database' };

/** "80 and 443", "443 only", or "no ports". */
export function portWords(ports: readonly Port[]): string {
  if (ports.length === 0) return 'no ports';
  return ports.length === 1 ? `${ports[0]} only` : list(ports.map(String));
}

/** One plan step in words, as a screen reader hears it and a reader sees it after its sign. */
export function stepWords(step: PlanStep): string {
  if (step.op === 'create') return `create ${step.name}: ${step.size}, ports ${portWords(step.ports)}`;
  if (step.op === 'delete') return `delete ${step.name}`;
  const changes: string[] = [];
  if (step.from.size !== step.to.size) changes.push(`size ${step.from.size} to ${step.to.size}`);
  if (step.from.ports.join() !== step.to.ports.join()) changes.push(`ports ${portWords(step.from.ports)} to ${portWords(step.to.ports)}`);
  return `change ${step.name}: ${changes.join('; ')}`;
}

export const SIGN: Record<PlanStep['op'], string> = { create: '+', update: '~', delete: '-' };

/** The plan as a list; an empty plan says so in a sentence. */
export function PlanList({ steps }: { steps: readonly PlanStep[] }) {
  if (steps.length === 0) return <p data-plan="empty">No changes: the servers already match the definition, so there is nothing to do.</p>;
  return (
    <ul className="pv-plan" data-plan={steps.length}>
      {steps.map((step) => (
        <li key={`${step.op}-${step.name}`} data-op={step.op}>
          <span className="pv-sign" aria-hidden="true">
            {SIGN[step.op]}
          </span>{' '}
          {stepWords(step)}
        </li>
      ))}
    </ul>
  );
}

/** The definition file the form edits, as text under its caption (lines wrap, so nothing scrolls sideways on a phone). */
export function DefinitionText({ definition, label }: { definition: Definition; label: string }) {
  return (
    <CodeBlock label={label} data="definition">
      {`web_servers:\n  count: ${definition.count}\n  size: ${definition.size}\n  open_ports: [${definition.ports.join(', ')}]`}
    </CodeBlock>
  );
}

/** A captioned block of code or commands. */
export function CodeBlock({ label, data, children }: { label: string; data: string; children: string }) {
  return (
    <figure className="pv-file">
      <figcaption>{label}</figcaption>
      <pre className="pv-code" data-code={data}>
        {children}
      </pre>
    </figure>
  );
}

/** The definition's three settings as form controls; every change is one logged edit. */
export function DefinitionForm({ definition, disabled, onEdit }: { definition: Definition; disabled: boolean; onEdit: (next: Definition) => void }) {
  const id = useId();
  const togglePort = (port: Port, on: boolean) =>
    onEdit({ ...definition, ports: on ? [...definition.ports, port].sort((a, b) => a - b) : definition.ports.filter((p) => p !== port) });
  return (
    <fieldset className="pv-form" disabled={disabled} data-definition-form>
      <legend>Edit the definition</legend>
      <div className="pv-form-row">
        <label htmlFor={`${id}-count`}>Servers (count)</label>
        <input
          id={`${id}-count`}
          type="number"
          min={0}
          max={MAX_COUNT}
          step={1}
          value={definition.count}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (e.target.value.trim() === '' || !Number.isFinite(n)) return;
            onEdit({ ...definition, count: Math.min(MAX_COUNT, Math.max(0, Math.round(n))) });
          }}
        />
        <label htmlFor={`${id}-size`}>Size</label>
        <select id={`${id}-size`} value={definition.size} onChange={(e) => onEdit({ ...definition, size: e.target.value as Definition['size'] })}>
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="pv-ports">
        <legend>Open ports</legend>
        {PORTS.map((port) => (
          <label key={port} className="choice">
            <input type="checkbox" checked={definition.ports.includes(port)} onChange={(e) => togglePort(port, e.target.checked)} />
            {port} ({PORT_NAMES[port]}){port === DATABASE_PORT ? ', never meant for the internet' : ''}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
