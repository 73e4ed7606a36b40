/**
 * Which site a URL belongs to (pure core), so that a page is only ever matched to articles saved on its
 * own site. There is no public-suffix list in the bundle: instead of a registrable domain we compare
 * hostnames exactly after stripping the mobile/AMP/`www` prefixes news sites serve the same story
 * under. That is stricter than eTLD+1 (`edition.news.example` and `news.example` are different sites),
 * which can only ever fail to find a note, never hand one to another site.
 */

/** Leading labels that name the same site: `www.`, `m.`, `amp.` (any order, repeated). */
const ALIAS_PREFIX = /^(?:(?:www|m|amp)\.)+/;

/** True for an IPv4 literal or a bracketed IPv6 literal as `URL.hostname` spells them. */
function isIpHost(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * The site key of a URL: its lowercased hostname without a trailing dot and without alias prefixes;
 * IP literals and `localhost` are kept exactly. Null for anything that is not an http(s) URL.
 */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  if (isIpHost(host) || host === 'localhost') return host;
  const stripped = host.replace(ALIAS_PREFIX, '');
  // a host that is nothing but prefixes ("www.m") keeps its full name rather than becoming empty
  return stripped.includes('.') || stripped === host ? stripped : host;
}

/** True when both URLs parse and belong to the same site (see {@link siteOf}). */
export function sameSite(a: string, b: string): boolean {
  const sa = siteOf(a);
  return sa !== null && sa === siteOf(b);
}
