/**
 * The people view: every speaker and person across all saved articles (within the current search and
 * filters), with their quotes per article — who a reader has heard from, and where. Anonymous sources are
 * gathered in one entry with each one's cue. Virtualized like the article list; each person is a
 * disclosure button (Enter/Space) so the view works from the keyboard.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { measureOrEstimate, observeRectOrScreen } from './virtual';
import { memo, useRef, useState } from 'react';
import type { AnnotationRecord, ArticleRecord } from '@/utils/db/schema';
import type { PersonEntry } from '@/utils/db/library';
import { formatDate, markWords, plural } from './format';

export interface PeopleViewProps {
  people: PersonEntry[];
  query: string;
  onOpen(article: ArticleRecord, annotation?: AnnotationRecord): void;
  /** People (with the anonymous sources) or organizations. */
  kind?: 'person' | 'organization';
}

/** The people index (memoized like the article list). */
export const PeopleView = memo(function PeopleView({ people, query, onOpen, kind = 'person' }: PeopleViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  const virtualizer = useVirtualizer({
    count: people.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    getItemKey: (i) => people[i]?.key ?? i,
    overscan: 6,
    useFlushSync: false,
    initialRect: { width: 400, height: 600 },
    observeElementRect: observeRectOrScreen,
    measureElement: measureOrEstimate,
  });
  if (!people.length)
    return (
      <p className="empty" role="status">
        {kind === 'person'
          ? 'No speakers or people here yet. Save an article’s sourcing (or single quotes and names) to fill this view.'
          : 'No organizations here yet. Save an article’s sourcing to list the organizations it names and quotes.'}
      </p>
    );
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <div className="scroll" ref={scrollRef}>
      <ul
        className="people"
        aria-label={kind === 'person' ? 'People and speakers' : 'Organizations'}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const p = people[v.index]!;
          const isOpen = open.has(p.key);
          const panelId = `person-${v.index}`;
          return (
            <li
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              data-testid="person"
              className={`person${p.anonymous ? ' anonymous' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
            >
              <button
                type="button"
                className="person-head"
                aria-expanded={isOpen}
                aria-controls={panelId}
                onClick={() => toggle(p.key)}
              >
                <span className="chev" aria-hidden="true">
                  {isOpen ? '▾' : '▸'}
                </span>
                <span className="person-name">{markWords(p.name, query)}</span>
                <span className="meta">
                  {plural(p.quoteCount, 'quote')} · {plural(p.articles.length, 'article')}
                </span>
              </button>
              {isOpen && (
                <div id={panelId} className="person-body">
                  {p.articles.map((pa) => (
                    <section key={pa.article.id} className="person-article">
                      <h3>
                        <button type="button" className="link" onClick={() => onOpen(pa.article)}>
                          {pa.article.title || pa.article.url}
                        </button>
                      </h3>
                      <p className="meta">
                        {pa.outlet} · saved {formatDate(pa.article.updatedAt)}
                        {pa.mentions > 0 && ` · named ${pa.mentions === 1 ? 'once' : `${pa.mentions} times`}`}
                      </p>
                      {pa.quotes.length > 0 && (
                        <ul className="person-quotes">
                          {pa.quotes.map((q) => (
                            <li key={q.id}>
                              <span className="badge kind kind-quote">{q.quoteKind ?? 'quote'}</span>
                              {p.anonymous && q.speaker && <span className="speaker">{q.speaker}</span>}
                              {p.anonymous && (q.anonymityReason ?? q.anonymityCue) && (
                                <span className="cue">{q.anonymityReason ?? `“${q.anonymityCue}”`}</span>
                              )}
                              {q.corrections?.length ? (
                                <span className="badge corrected" title={q.corrections.join('\n')}>
                                  corrected
                                </span>
                              ) : null}
                              <button
                                type="button"
                                className="quote-link"
                                onClick={() => onOpen(pa.article, q)}
                                title="Open the article at this passage"
                              >
                                {markWords(q.quote.exact, query)}
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </section>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
