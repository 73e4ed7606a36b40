/**
 * The library of the audit-on-real-news scenario (tests/e2e/scenarios/audit-news.ts, issue 16 acceptance),
 * built in Node: the 20 saved news pages of the hand-annotated dev set (../shared/eval/dev/<name>/source.html,
 * read-only beside the repo, as tests/e2e/server.ts and bench/page.ts read it) and 10 of the synthetic
 * held-out articles (tests/heldout/<slug>/source.txt). Each page goes through what the content script does
 * before "Save sourcing": Readability on the page (jsdom here), the pure analyzer, and the save request of
 * utils/corrections/sourcing.ts, whose claims carry the speaker profile the audit reads. The requests become
 * one backup file (what the popup's restore reads), with the reading dates set one day apart so a reading
 * range filters a known set of articles.
 *
 * Besides the backup it returns, for each article, the claims as the analysis states them (speaker,
 * anonymous flag, and the profile read at save time): the scenario counts its expected numbers from these,
 * with its own counting, never the audit's (utils/audit/aggregate.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeText, type Analysis } from '../../utils/analysis/index';
import { givenNameLists } from '../../utils/analysis/lexicons/givenNames';
import { articleInput, extractArticle } from '../../utils/article/extract';
import { hashText } from '../../utils/article/hash';
import { normalizePlainText, plainTextTitle } from '../../utils/article/plain';
import { claimProfileFields } from '../../utils/audit/profile';
import { sourcingRequest } from '../../utils/corrections/sourcing';
import { SCHEMA_VERSION } from '../../utils/db/schema';
import type { ArticleInput } from '../../utils/messaging/contract';
import type { Json } from './driver.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The dev set of real news pages, beside the repo (CI has ../shared too). */
export const DEV_DIR = join(root, '..', 'shared', 'eval', 'dev');
const HELDOUT_DIR = join(root, 'tests', 'heldout');
/** How many synthetic held-out articles join the real pages. */
const HELDOUT_COUNT = 10;
/** The two invented outlets the held-out articles are filed under (alternately), by web address. */
export const HELDOUT_OUTLETS = ['wire.example', 'ledger.example'] as const;

/** The first reading day: article i was read (saved) on day i after it, at 09:00 UTC. */
export const READ_T0 = Date.UTC(2026, 10, 1, 9);
export const DAY = 86_400_000;

/** One claim as the analysis states it, with the profile saved for the audit. */
export interface FixtureClaim {
  /** The saved claim's id in the backup. */
  id: string;
  exact: string;
  position: { start: number; end: number };
  speaker: string | null;
  anonymous: boolean;
  quoteKind: 'direct' | 'indirect';
  speakerType: string | null;
  speakerKind: string | null;
  gender: string | null;
}

/** One article of the library. */
export interface FixtureArticle {
  /** The fixture's folder name. */
  name: string;
  id: string;
  url: string;
  siteName: string | null;
  /** The article's publication date as the page states it (null for most pages and all held-out ones). */
  publishedTime: string | null;
  /** The reading date, epoch ms. */
  readAt: number;
  /** The stored article record (as in the backup). */
  record: Record<string, Json>;
  claims: FixtureClaim[];
}

/** The whole library: the backup file's text and what is in it. */
export interface NewsLibrary {
  backup: string;
  articles: FixtureArticle[];
}

/** A uuid-shaped id, stable per (kind, n): restoring the same file twice merges instead of doubling. */
const uuid = (kind: number, n: number) =>
  `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Loaded {
  name: string;
  input: ArticleInput;
  analysis: Analysis;
}

/** A dev page: extracted and analyzed as the content script does; its URL is the one the page declares. */
function loadPage(name: string): Loaded {
  const dom = new JSDOM(readFileSync(join(DEV_DIR, name, 'source.html'), 'utf8'), {
    url: `https://${name}.example/`,
    contentType: 'text/html',
    // the saved page's own CSS and script errors are not the test's
    virtualConsole: new VirtualConsole(),
  });
  try {
    const article = extractArticle(dom.window.document, { force: true });
    if (!article) throw new Error(`no article extracted from ${name}`);
    const analysis = analyzeText(article.text, {
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      publishedTime: article.publishedTime,
    });
    // the outlet's own address (its canonical URL), so outlets without a site name are told apart by host
    const url = article.canonicalUrl ?? `https://${name}.example/story`;
    return { name, input: { ...articleInput(article), url, canonicalUrl: article.canonicalUrl }, analysis };
  } finally {
    dom.window.close();
  }
}

/** A held-out article (plain text, headline first) as if read at an invented outlet's address. */
function loadText(name: string, outlet: string): Loaded {
  const text = normalizePlainText(readFileSync(join(HELDOUT_DIR, name, 'source.txt'), 'utf8'));
  const analysis = analyzeText(text, { title: plainTextTitle(text) });
  const input: ArticleInput = {
    url: `https://${outlet}/${name}`,
    canonicalUrl: null,
    title: analysis.title,
    byline: null,
    siteName: null,
    publishedTime: null,
    excerpt: null,
    textLength: text.length,
    textHash: hashText(text),
  };
  return { name, input, analysis };
}

/** The dev pages saved as HTML (the plain-text seed article is not a news page). */
export function devPages(): string[] {
  if (!existsSync(DEV_DIR)) return [];
  return readdirSync(DEV_DIR)
    .filter((d) => existsSync(join(DEV_DIR, d, 'source.html')))
    .sort();
}

function build(): NewsLibrary {
  const givenGender = givenNameLists().givenGender;
  const heldout = readdirSync(HELDOUT_DIR)
    .filter((d) => existsSync(join(HELDOUT_DIR, d, 'source.txt')))
    .sort()
    .slice(0, HELDOUT_COUNT);
  const loaded = [
    ...devPages().map(loadPage),
    ...heldout.map((name, i) => loadText(name, HELDOUT_OUTLETS[i % HELDOUT_OUTLETS.length]!)),
  ];
  const articles: FixtureArticle[] = [];
  const annotations: Json[] = [];
  const sourcing: Json[] = [];
  let claimN = 0;
  loaded.forEach(({ name, input, analysis }, i) => {
    const id = uuid(1, i + 1);
    const readAt = READ_T0 + i * DAY;
    // the request the content script sends for "Save sourcing" (utils/corrections/sourcing.ts)
    const request = sourcingRequest(input, analysis);
    if (request.claims.length !== analysis.quotes.length)
      throw new Error(`${name}: ${analysis.quotes.length} quotes but ${request.claims.length} claims to save`);
    const record: Record<string, Json> = { ...input, id, createdAt: readAt, updatedAt: readAt };
    const claims: FixtureClaim[] = analysis.quotes.map((q, k) => {
      const claimId = uuid(2, ++claimN);
      const saved = request.claims[k]!;
      annotations.push({
        ...(saved as unknown as Record<string, Json>),
        sourcing: true,
        id: claimId,
        articleId: id,
        createdAt: readAt + k,
        updatedAt: readAt + k,
      });
      // the claim as the analysis states it: what the expected numbers are counted from
      const profile = claimProfileFields(analysis, q, givenGender);
      return {
        id: claimId,
        exact: saved.quote.exact,
        position: { start: q.start, end: q.end },
        speaker: q.speaker,
        anonymous: q.anonymous,
        quoteKind: q.kind,
        speakerType: profile.speakerType,
        speakerKind: profile.speakerKind,
        gender: profile.gender,
      };
    });
    sourcing.push({
      id: uuid(3, i + 1),
      articleId: id,
      entities: request.entities as unknown as Json,
      summary: request.summary as unknown as Json,
      createdAt: readAt,
      updatedAt: readAt,
    });
    articles.push({
      name,
      id,
      url: input.url,
      siteName: input.siteName,
      publishedTime: input.publishedTime,
      readAt,
      record,
      claims,
    });
  });
  const backup = {
    format: 'sourcelight-backup',
    version: 1,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date(READ_T0 + loaded.length * DAY).toISOString(),
    articles: articles.map((a) => a.record),
    annotations,
    corrections: [],
    sourcing,
  };
  return { backup: JSON.stringify(backup), articles };
}

let library: NewsLibrary | null = null;

/** The library, built once per run (both browsers restore the same file). */
export function newsLibrary(): NewsLibrary {
  library ??= build();
  return library;
}
