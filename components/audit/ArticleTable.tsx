/**
 * The audit's list of articles (issue 16): each saved article with its outlet, dates and claim count, a link
 * that opens it, and its tags, editable in place (comma-separated; saved on Enter or when the field loses
 * focus). Tags are what the audit's tag filter offers. Props in, callbacks out.
 */
import { useState } from 'react';
import type { AuditArticle } from '@/utils/audit/aggregate';
import { parseTags } from '@/utils/db/tags';

/** Props: the articles shown, and how to open one or store its tags. */
export interface ArticleTableProps {
  articles: readonly AuditArticle[];
  onOpen: (article: AuditArticle) => void;
  onSetTags: (article: AuditArticle, tags: string[]) => Promise<void>;
}

const day = (t: number | null): string => (t === null ? '—' : new Date(t).toISOString().slice(0, 10));

/** One article's tag field: shows the saved tags, stores the parsed list when it changed. */
function TagField({ article, onSetTags }: { article: AuditArticle; onSetTags: ArticleTableProps['onSetTags'] }) {
  const saved = article.tags.join(', ');
  const [text, setText] = useState(saved);
  const [status, setStatus] = useState('');
  const commit = () => {
    const tags = parseTags(text);
    if (tags.join(', ') === saved) {
      setText(saved);
      return;
    }
    onSetTags(article, tags).then(
      () => {
        setText(tags.join(', '));
        setStatus('Saved.');
      },
      (e: unknown) => setStatus(`Not saved: ${e instanceof Error ? e.message : String(e)}. Your text is kept.`),
    );
  };
  return (
    <>
      <input
        type="text"
        value={text}
        placeholder="add tags, comma-separated"
        aria-label={`Tags of ${article.title}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span role="status" className="status">
        {status}
      </span>
    </>
  );
}

/** The articles of the audit, with their tags. */
export function ArticleTable({ articles, onOpen, onSetTags }: ArticleTableProps) {
  return (
    <section className="audit-section" aria-labelledby="articles-title" data-testid="section-articles">
      <h2 id="articles-title">Articles</h2>
      <p className="method">
        Every article whose sourcing you saved, within the filters. Tag articles here to filter the audit by tag.
      </p>
      <div className="table-wrap">
        <table data-testid="table-articles">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col">Read</th>
              <th scope="col">Claims</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpen(a)}>
                    {a.title}
                  </button>
                </th>
                <td>{a.outlet}</td>
                <td>{day(a.publishedAt)}</td>
                <td>{day(a.readAt)}</td>
                <td>{a.claims.length}</td>
                <td>
                  <TagField key={a.tags.join(',')} article={a} onSetTags={onSetTags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
