// QR codes for static pages, drawn at build time: a link becomes an SVG path of dark modules (no JavaScript in the browser).
import { encode } from 'uqr';

export interface QrDrawing {
  /** Modules per side, the quiet border included. */
  size: number;
  /**
   * One SVG path over every dark module, to be stroked 1 module wide: a line through each horizontal run of dark
   * modules (`M x y.5 h n` for a row's first, `m gap 0 h n` for the next), about a quarter of the text of a square per module.
   */
  d: string;
}

/** The QR code of `text` (error correction M, a two-module border) as one path. Throws if the text is too long for a QR code. */
export function qrDrawing(text: string): QrDrawing {
  const qr = encode(text, { ecc: 'M', border: 2 });
  const rows: string[] = [];
  qr.data.forEach((row, y) => {
    let path = '';
    let pen = -1; // where the last run ended on this row; -1 before the first
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x + 1;
      while (row[end]) end++;
      path += pen < 0 ? `M${x} ${y}.5h${end - x}` : `m${x - pen} 0h${end - x}`;
      pen = end;
      x = end;
    }
    rows.push(path);
  });
  return { size: qr.size, d: rows.join('') };
}

/** An absolute link to a site path under the base, for codes and printouts that leave the browser. */
export function absoluteLink(site: URL | string, basedPath: string): string {
  return new URL(basedPath, site).href;
}
