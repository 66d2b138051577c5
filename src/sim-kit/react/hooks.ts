// Small hooks every sim island shares: narration for the live region, focus on arrival, projector keys, element width.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The sentence to announce when `value` changes, from a pure narrate(prev, next). */
export function useNarration<T>(value: T, narrate: (prev: T, next: T) => string | null): string {
  const previous = useRef(value);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const text = narrate(previous.current, value);
    previous.current = value;
    if (text) setMessage(text);
  }, [value, narrate]);
  return message;
}

/** Moves focus to the element when `active` turns true (an outage heading, the review heading). */
export function useFocusWhen(active: boolean, target: RefObject<HTMLElement | null>): void {
  const was = useRef(active);
  useEffect(() => {
    if (active && !was.current) target.current?.focus();
    was.current = active;
  }, [active, target]);
}

/** Whether the page is in projector view (`?present`, opt-in so single-key shortcuts never surprise anyone else). */
export function isPresenting(): boolean {
  return typeof document !== 'undefined' && 'present' in document.documentElement.dataset;
}

/** Single-key shortcuts, in projector view only, never while typing in a field or with a modifier held. */
export function useProjectorKeys(keys: Record<string, () => void>): void {
  const current = useRef(keys);
  current.current = keys;
  useEffect(() => {
    if (!isPresenting()) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
      const run = current.current[event.key.toLowerCase()];
      if (!run) return;
      event.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The element's content width in CSS pixels, so charts draw at the size they are shown (text stays at its stated size). */
export function useWidth(target: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  // Measured before the first paint: a chart drawn at the fallback width and shrunk to a phone's would flash tiny text.
  useLayoutEffect(() => {
    const el = target.current;
    if (!el) return;
    const now = Math.round(el.getBoundingClientRect().width);
    if (now > 0) setWidth(now);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry!.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [target]);
  return width;
}

/** Whether the learner asked for less motion. */
export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (!query) return;
    setReduced(query.matches);
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}
