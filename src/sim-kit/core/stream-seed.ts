// A 32-bit seed per named stream, kept apart from the generators so a page that only needs the hash (the quiz's choice order) loads no generator.
/** FNV-1a over the stream name, mixed with the seed: a 32-bit seed for that stream. */
export function streamSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) | 0;
}
