// Guards the toolchain: npm scripts must run on the pinned Node, never silently on an older system Node.
import { describe, expect, it } from 'vitest';

describe('the toolchain', () => {
  it('runs scripts on Node 22.12 or newer', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > 22 || (major === 22 && minor >= 12), `Node ${process.versions.node} is too old; run through npm run so node_modules/.bin/node is used`).toBe(
      true,
    );
  });
});
