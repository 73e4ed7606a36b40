/**
 * The site-access notice: browsers (Firefox above all) let people withhold an extension's host permissions,
 * and then the reader silently never runs. The popup shows this notice instead, with a button that asks
 * for access. Props in, callback out — the popup glue does the asking.
 */

export interface SiteAccessProps {
  /** Asks the browser for access to websites; must run inside the click (a user gesture). */
  onGrant: () => void;
}

/** Explains why Sourcelight needs access to websites and offers to ask for it. */
export function SiteAccess({ onGrant }: SiteAccessProps) {
  return (
    <section className="site-access" role="alert" aria-label="Sourcelight cannot read pages">
      <p>
        <strong>Sourcelight cannot read news pages yet.</strong> It needs access to websites to find the article, its
        speakers and its sources. Everything stays on this computer.
      </p>
      <button type="button" className="primary" onClick={onGrant}>
        Allow access to websites
      </button>
    </section>
  );
}
