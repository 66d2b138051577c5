// Records the CSP hashes of the built site's inline code in infra/lib/csp-hashes.json (npm run infra:hashes).
import { existsSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { DEFAULT_DIST, RECORDED_HASHES_FILE, contentSecurityPolicy, inlineHashes } from '../lib/csp.ts';

const dist = process.env.DIST ?? DEFAULT_DIST;
if (!existsSync(dist)) {
  console.error(`No build at ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const hashes = inlineHashes(dist);
// Written as Prettier would, so `npm run lint` stays clean after a refresh.
const options = { ...(await resolveConfig(RECORDED_HASHES_FILE)), filepath: RECORDED_HASHES_FILE };
writeFileSync(RECORDED_HASHES_FILE, await format(JSON.stringify(hashes), options));
console.log(`Recorded ${hashes.scripts.length} script, ${hashes.styles.length} style and ${hashes.styleAttributes.length} style-attribute hashes.`);
console.log(`CSP (${contentSecurityPolicy(hashes).length} characters): ${contentSecurityPolicy(hashes)}`);
