// A QR code drawn as SVG in the browser; loaded only when the share panel opens.
import { useMemo } from 'react';
import { encode } from 'uqr';

export default function Qr({ text, label }: { text: string; label: string }) {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: 2 }), [text]);
  const cells: string[] = [];
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && cells.push(`M${x},${y}h1v1h-1z`)));
  return (
    <svg className="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} width="184" height="184" role="img" aria-label={label} shapeRendering="crispEdges" data-qr={text}>
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}
