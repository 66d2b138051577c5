// `npm run check:s3`: fails when a built page references something S3 behind CloudFront would not serve.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkS3Paths } from './deploy/s3-paths.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: process.env.DIST ?? 'dist' }, base: { type: 'string', default: process.env.BASE_PATH ?? '/' } },
});

if (!existsSync(values.dist)) {
  console.error(`check:s3: no build in ${values.dist}/. Run \`npm run build\` first.`);
  process.exit(1);
}

const problems = checkS3Paths(values.dist, values.base);
for (const p of problems) console.error(`${p.file}: ${p.ref} -> ${p.problem}`);
if (problems.length) {
  console.error(`check:s3: ${problems.length} reference(s) would fail on S3 + CloudFront.`);
  process.exit(1);
}
console.log(`check:s3: every internal reference in ${values.dist}/ names an object S3 would serve (base ${values.base}).`);
