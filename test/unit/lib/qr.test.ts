// Tests for the build-time QR drawing: the path covers exactly the code's dark modules, in few characters.
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrDrawing } from '../../../src/lib/qr.ts';

/** The modules a drawing paints when stroked 1 wide, read back from its path (`M x y.5 h n` starts a row, `m gap 0 h n` goes on). */
function paintedModules(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  let consumed = 0;
  for (const m of d.matchAll(/([Mm])(\d+) (\d+)(\.5)?h(\d+)/g)) {
    const [, command, a, b, half, n] = m as unknown as [string, string, string, string, string | undefined, string];
    if (command === 'M') {
      expect(half).toBe('.5');
      [x, y] = [Number(a), Number(b)];
    } else {
      expect(b).toBe('0');
      x += Number(a);
    }
    for (let i = x; i < x + Number(n); i++) grid[y]![i] = true;
    x += Number(n);
    consumed += m[0].length;
  }
  expect(consumed).toBe(d.length);
  return grid;
}

describe('a QR code drawn as a path', () => {
  const link = 'https://ship-small.example/lessons/batch-size/?seed=2026&policy=quarterly';

  it('paints exactly the dark modules of the code, border included', () => {
    const qr = encode(link, { ecc: 'M', border: 2 });
    const drawing = qrDrawing(link);
    expect(drawing.size).toBe(qr.size);
    expect(paintedModules(drawing.d, drawing.size)).toEqual(qr.data);
  });

  it('draws a run of dark modules as one line, so a code takes under 3 KB of markup', () => {
    const drawing = qrDrawing(link);
    const modules = encode(link, { ecc: 'M', border: 2 }).data.flat().filter(Boolean).length;
    expect(drawing.d.match(/h/g)!.length).toBeLessThan(modules);
    expect(drawing.d.length).toBeLessThan(3000);
  });
});
