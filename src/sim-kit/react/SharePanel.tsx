// "Instructor and sharing": a closed panel whose tools (the link, its QR code, the challenge builder, the parameter table) load when first opened.
import { Suspense, lazy, useState } from 'react';
import type { Fields } from '../core/fields.ts';
import type { ShareProps } from './ShareBody.tsx';

const ShareBody = lazy(() => import('./ShareBody.tsx'));

export function SharePanel<F extends Fields>(props: ShareProps<F>) {
  const [open, setOpen] = useState(false);
  // Once opened, the tools stay mounted, so ticked locks survive closing and reopening the panel.
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="sim-share"
      onToggle={(e) => {
        const now = e.currentTarget.open;
        setOpen(now);
        if (now) setOpened(true);
      }}
    >
      <summary>Instructor and sharing</summary>
      {opened && (
        <Suspense fallback={<p className="muted">Loading the sharing tools…</p>}>
          <ShareBody {...(props as ShareProps<Fields>)} open={open} />
        </Suspense>
      )}
    </details>
  );
}
