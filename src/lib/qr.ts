// QR codes for static pages, drawn at build time: a link becomes an SVG path of dark modules (no JavaScript in the browser).
import { encode } from 'uqr';

export interface QrDrawing {
  /** Modules per side, the quiet border included. */
  size: number;
  /** One SVG path covering every dark module. */
  d: string;
}

/** The QR code of `text` (error correction M, a two-module border) as one path. Throws if the text is too long for a QR code. */
export function qrDrawing(text: string): QrDrawing {
  const qr = encode(text, { ecc: 'M', border: 2 });
  const cells: string[] = [];
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && cells.push(`M${x},${y}h1v1h-1z`)));
  return { size: qr.size, d: cells.join('') };
}

/** An absolute link to a site path under the base, for codes and printouts that leave the browser. */
export function absoluteLink(site: URL | string, basedPath: string): string {
  return new URL(basedPath, site).href;
}
