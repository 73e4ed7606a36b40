/**
 * The virtualized list of saved articles, each with its annotations (the search results). Only the
 * articles in view are in the DOM, so 500 articles / 10,000 annotations scroll smoothly; rows are measured
 * after render because notes and quotes vary in height. Keyboard: ↑/↓ (or j/k) move between articles and
 * annotations, Home/End jump, Enter opens, E edits the note, Delete deletes — with a roving tab stop, so
 * Tab leaves the list in one press.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { measureOrEstimate, observeRectOrScreen } from './virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AnnotationRecord, ArticleRecord } from '@/utils/db/schema';
import { countKinds, type NoteSave, type ResultGroup } from '@/utils/db/library';
import { AnnotationItem } from './AnnotationItem';
import { formatDate, markWords, plural } from './format';

/** Annotations shown per article before "Show all": bounds the height of one virtual row. */
export const GROUP_CAP = 12;

export interface ArticleListProps {
  groups: ResultGroup[];
  query: string;
  editingId: string | null;
  onEdit(id: string | null): void;
  onOpen(article: ArticleRecord, annotation?: AnnotationRecord): void;
  /** Saves a note edit that began from `baseUpdatedAt`; resolves with what happened (a conflict keeps the editor open). */
  onSaveNote(annotation: AnnotationRecord, comment: string, baseUpdatedAt: number): Promise<NoteSave | null>;
  onDeleteAnnotation(annotation: AnnotationRecord): unknown;
  onDeleteArticle(article: ArticleRecord): unknown;
  /** Correct a saved claim; absent: the list offers no correcting. */
  onCorrect?(
    annotation: AnnotationRecord,
    change: { speaker: string | null; anonymous: boolean; notAQuote?: boolean },
  ): Promise<unknown>;
  onUndoCorrection?(id: string): void;
  onExportArticle(group: ResultGroup): void;
}

interface Nav {
  keys: string[];
  groupOf: Map<string, number>;
}

const articleKey = (id: string) => `a:${id}`;
const annotationKey = (id: string) => `n:${id}`;

/** The library's article list (memoized: it re-renders when its results change, not on every keystroke). */
export const ArticleList = memo(function ArticleList(props: ArticleListProps) {
  const { groups } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const focusPending = useRef(false);

  const shown = useCallback(
    (g: ResultGroup) => (expanded.has(g.article.id) ? g.annotations : g.annotations.slice(0, GROUP_CAP)),
    [expanded],
  );

  // Every focusable row in order, with the index of its article: what the arrow keys walk. Built lazily
  // (on the first key press or focus), since a search re-renders the list on every keystroke.
  const navCache = useRef<{ groups: ResultGroup[]; shown: typeof shown; value: Nav } | null>(null);
  const nav = (): Nav => {
    const c = navCache.current;
    if (c && c.groups === groups && c.shown === shown) return c.value;
    const keys: string[] = [];
    const groupOf = new Map<string, number>();
    groups.forEach((g, i) => {
      keys.push(articleKey(g.article.id));
      groupOf.set(articleKey(g.article.id), i);
      for (const a of shown(g)) {
        keys.push(annotationKey(a.id));
        groupOf.set(annotationKey(a.id), i);
      }
    });
    navCache.current = { groups, shown, value: { keys, groupOf } };
    return navCache.current.value;
  };

  const firstKey = groups[0] ? articleKey(groups[0].article.id) : null;

  const current = activeKey && nav().groupOf.has(activeKey) ? activeKey : firstKey;

  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => 70 + Math.min(groups[i]?.annotations.length ?? 0, GROUP_CAP) * 84,
    getItemKey: (i) => groups[i]?.article.id ?? i,
    // Each row is a whole article (often a dozen annotations): one or two beyond the viewport suffice.
    overscan: 2,
    // React 19 warns about flushSync inside render; measured sizes land on the next frame instead.
    useFlushSync: false,
    initialRect: { width: 400, height: 600 },
    observeElementRect: observeRectOrScreen,
    measureElement: measureOrEstimate,
  });

  // Move DOM focus to the active row once it is rendered (it may need a scroll first).
  useEffect(() => {
    if (!focusPending.current || !current) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      // compared by attribute value rather than a selector, so no id can break the query
      const el = [...(scrollRef.current?.querySelectorAll<HTMLElement>('[data-nav]') ?? [])].find(
        (n) => n.dataset.nav === current,
      );
      if (el) {
        focusPending.current = false;
        el.focus({ preventScroll: false });
        el.scrollIntoView?.({ block: 'nearest' });
      } else if (tries++ < 10) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  const moveTo = (key: string | undefined) => {
    if (!key) return;
    const gi = nav().groupOf.get(key);
    if (gi !== undefined) virtualizer.scrollToIndex(gi, { align: 'auto' });
    focusPending.current = true;
    setActiveKey(key);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
    // Only act when a row itself has focus, not one of its buttons or the note editor.
    const row = (e.target as HTMLElement).closest?.('[data-nav]');
    const onRow = row && row === e.target;
    const { keys, groupOf } = nav();
    const i = keys.indexOf(current);
    const groupIndex = groupOf.get(current) ?? 0;
    const group = groups[groupIndex];
    const annotation = current.startsWith('n:')
      ? group?.annotations.find((a) => annotationKey(a.id) === current)
      : undefined;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        e.preventDefault();
        moveTo(keys[Math.min(i + 1, keys.length - 1)]);
        break;
      case 'ArrowUp':
      case 'k':
        e.preventDefault();
        moveTo(keys[Math.max(i - 1, 0)]);
        break;
      case 'Home':
        e.preventDefault();
        moveTo(keys[0]);
        break;
      case 'End':
        e.preventDefault();
        moveTo(keys[keys.length - 1]);
        break;
      case 'PageDown':
      case 'PageUp': {
        e.preventDefault();
        const next = groups[Math.max(0, Math.min(groups.length - 1, groupIndex + (e.key === 'PageDown' ? 1 : -1)))];
        if (next) moveTo(articleKey(next.article.id));
        break;
      }
      case 'Enter':
        if (!onRow || !group) return;
        e.preventDefault();
        props.onOpen(group.article, annotation);
        break;
      case 'e':
      case 'E':
        if (!onRow || !annotation) return;
        e.preventDefault();
        props.onEdit(annotation.id);
        break;
      case 'Delete':
      case 'Backspace':
        if (!onRow || !group) return;
        e.preventDefault();
        if (annotation) props.onDeleteAnnotation(annotation);
        else props.onDeleteArticle(group.article);
        // keep the tab stop near where the deleted row was
        setActiveKey(keys[i + 1] ?? keys[i - 1] ?? null);
        focusPending.current = true;
        break;
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <div
        role="feed"
        aria-label="Saved articles and annotations"
        aria-busy={false}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((v) => {
          const g = groups[v.index]!;
          const a = g.article;
          const counts = countKinds(g.annotations);
          const list = shown(g);
          const titleId = `t-${a.id}`;
          const key = articleKey(a.id);
          return (
            <article
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              data-testid="article"
              className="group"
              aria-labelledby={titleId}
              aria-posinset={v.index + 1}
              aria-setsize={groups.length}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
            >
              <header
                className="group-head"
                data-nav={key}
                tabIndex={current === key ? 0 : -1}
                onFocus={(e) => e.target === e.currentTarget && setActiveKey(key)}
              >
                <h2 id={titleId} className="title">
                  {markWords(a.title || a.url, props.query)}
                </h2>
                <p className="meta">
                  <span>{g.outlet}</span> · <span>saved {formatDate(a.updatedAt)}</span>
                  {' · '}
                  <span>
                    {g.annotations.length === g.total
                      ? plural(g.total, 'item')
                      : `${g.annotations.length} of ${g.total} items`}
                  </span>
                  {counts.quotes > 0 && <span> · {plural(counts.quotes, 'quote')}</span>}
                  {counts.anonymous > 0 && <span className="anon-count"> · {counts.anonymous} anonymous</span>}
                </p>
                <div className="row-actions">
                  <button type="button" onClick={() => props.onOpen(a)}>
                    Open
                  </button>
                  <button type="button" onClick={() => props.onExportArticle(g)} title="Download as Markdown">
                    Markdown
                  </button>
                  <button type="button" className="danger" onClick={() => props.onDeleteArticle(a)}>
                    Delete article
                  </button>
                </div>
              </header>
              {list.length > 0 && (
                <ul className="anns">
                  {list.map((ann) => (
                    <AnnotationItem
                      key={ann.id}
                      annotation={ann}
                      query={props.query}
                      navKey={annotationKey(ann.id)}
                      active={current === annotationKey(ann.id)}
                      editing={props.editingId === ann.id}
                      onFocusRow={setActiveKey}
                      onOpen={() => props.onOpen(a, ann)}
                      onEdit={(on) => props.onEdit(on ? ann.id : null)}
                      onSaveNote={(c, base) => props.onSaveNote(ann, c, base)}
                      onDelete={() => props.onDeleteAnnotation(ann)}
                      onCorrect={props.onCorrect && ((change) => props.onCorrect!(ann, change))}
                      onUndoCorrection={props.onUndoCorrection}
                    />
                  ))}
                </ul>
              )}
              {list.length < g.annotations.length && (
                <button type="button" className="more" onClick={() => setExpanded((s) => new Set(s).add(a.id))}>
                  Show all {g.annotations.length}
                </button>
              )}
            </article>
          );
        })}
      </div>
    </div>
  );
});
