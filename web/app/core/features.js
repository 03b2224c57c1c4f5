// What this server offers, from its /openapi.json (every route is listed
// there), so optional features are used without probing into 404s.
let paths = null;

export async function serverOffers(path) {
  if (!paths) {
    paths = fetch('/openapi.json', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((doc) => (doc?.paths ? new Set(Object.keys(doc.paths).map((p) => p.replace(/\/$/, ''))) : null))
      .catch(() => null);
  }
  const known = await paths;
  return known ? known.has(path) : null; // null: unknown, try it
}
