/**
 * The library list: every saved article with its annotations, newest first. Props in, nothing else —
 * no browser APIs.
 */
import type { ArticleWithAnnotations } from '@/utils/db/queries';

export interface LibraryListProps {
  /** undefined while loading. */
  items: ArticleWithAnnotations[] | undefined;
}

const styles = {
  header: { padding: '10px 14px', borderBottom: '1px solid var(--line)', fontWeight: 600 },
  empty: { padding: '24px 16px', color: 'var(--muted)' },
  article: { padding: '10px 14px', borderBottom: '1px solid var(--line)' },
  title: { fontWeight: 600, margin: 0, fontSize: 14 },
  meta: { color: 'var(--muted)', fontSize: 12, margin: '2px 0 6px' },
  quote: { borderLeft: '3px solid var(--accent)', margin: '6px 0', padding: '2px 8px' },
  comment: { color: 'var(--muted)', fontStyle: 'italic', marginTop: 2 },
} as const;

/** Lists saved articles and their annotations. */
export function LibraryList({ items }: LibraryListProps) {
  if (items === undefined) return <div style={styles.empty}>Loading…</div>;
  return (
    <main aria-label="Saved articles">
      <div style={styles.header}>Sourcelight</div>
      {items.length === 0 ? (
        <p style={styles.empty}>
          Nothing saved yet. Open a news article, select a passage and choose “Save selection to Sourcelight” from the
          context menu (or press Alt+Shift+S).
        </p>
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map(({ article, annotations }) => (
            <li key={article.id} style={styles.article} data-testid="article">
              <h2 style={styles.title}>{article.title || article.url}</h2>
              <p style={styles.meta}>
                {[article.siteName, new Date(article.updatedAt).toLocaleString()].filter(Boolean).join(' · ')} ·{' '}
                {annotations.length} saved
              </p>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {annotations.map((a) => (
                  <li key={a.id} data-testid="annotation">
                    <blockquote style={styles.quote}>{a.quote.exact}</blockquote>
                    {a.comment && <div style={styles.comment}>{a.comment}</div>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
