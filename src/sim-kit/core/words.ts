// Wording helpers every sim's sentences use: plurals, durations, percentages, lists.

/** "1 change", "2 changes"; pass the plural when it is not the word plus s. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

/** Minutes as "45 minutes", "2 hours 5 minutes" or, from a day of them, "31.5 hours". */
export function duration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return plural(m, 'minute');
  if (m >= 24 * 60) return `${(Math.round(m / 6) / 10).toLocaleString('en')} hours`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${plural(h, 'hour')} ${plural(rest, 'minute')}` : plural(h, 'hour');
}

/** Hours with one decimal for tiles: "4.5 h". */
export function hours(minutes: number): string {
  return `${(Math.round(minutes / 6) / 10).toLocaleString('en')} h`;
}

export function percent(p: number, digits = 0): string {
  return `${(p * 100).toFixed(digits)}%`;
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Working days as "3.5 working days" or, under one day, hours of a working day. */
export function workingDays(days: number): string {
  if (days < 1) return `${plural(Math.round(days * 8 * 10) / 10, 'working hour')}`;
  return `${plural(Math.round(days * 10) / 10, 'working day')}`;
}
