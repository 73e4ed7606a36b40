/**
 * URL normalization: the same article under tracking parameters, fragments or its canonical URL maps to
 * one key, so saved notes come back on return visits.
 */

const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|ref_url|cmpid|ocid|smid|smtyp|_r|yclid|s_cid|ito|at_medium|at_campaign)$/i;

/**
 * Normalizes an article URL: drops the fragment, tracking parameters and default ports, lower-cases the
 * host and sorts the remaining parameters. Returns the input unchanged when it is not an absolute URL.
 */
export function normalizeUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  u.hash = '';
  // forEach, not the iterator: Firefox content scripts cannot spread URLSearchParams across compartments
  const keep: [string, string][] = [];
  u.searchParams.forEach((v, k) => {
    if (!TRACKING.test(k)) keep.push([k, v]);
  });
  keep.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = keep.length ? '?' + new URLSearchParams(keep).toString() : '';
  u.hostname = u.hostname.toLowerCase();
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/(?<!\/)\/+$/, '');
  return u.toString();
}
