// Joins site paths onto the configured base, so the course also works under a path prefix.

/** A site path under the configured base. */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Pure form of withBase: `/lessons/x/` under base `/course/` gives `/course/lessons/x/`. */
export function joinBase(basePath: string, path: string): string {
  const left = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath;
  const right = path.startsWith('/') ? path : `/${path}`;
  return `${left}${right}`;
}
