/**
 * A made-up news article (pure core) that a long-lived extension document extracts and analyzes once when
 * it starts (utils/article/serve.ts `warmUp`), so the first real article is not the one that pays the
 * lexicon build, the JIT's warm-up and the regular expressions' compilation. It is invented text, shaped
 * like a wire story: a headline and byline, direct and partial quotes with named, titled and anonymous
 * speakers, organizations, places, dates and figures — the analyzer's usual paths, so they are hot.
 */

/** The story's paragraphs (invented names and events). */
export const WARMUP_PARAGRAPHS: readonly string[] = [
  'HARBORTON — The city council voted 7-2 on Tuesday to approve a $48 million plan to rebuild the Eastgate ' +
    'bridge, ending a dispute that had stalled the project for nearly three years.',
  '“This is the day we stop patching and start building,” said Mayor Helena Varga, who had campaigned on ' +
    'the issue. “Residents have waited long enough.”',
  'The plan, drafted by the Harborton Department of Transportation, calls for construction to begin in ' +
    'March and to finish by the end of 2029. It will be paid for with state grants and a bond measure.',
  'Councilman Dario Okafor, one of the two members who voted against it, said the estimate was “wildly ' +
    'optimistic” and warned that costs could rise by a third. “We have seen this movie before,” he told ' +
    'reporters after the meeting.',
  'A senior official in the transportation department, who spoke on condition of anonymity because she was ' +
    'not authorized to discuss the bidding, said three firms had already expressed interest.',
  'According to a report released last month by the Regional Infrastructure Council, the bridge carries ' +
    'about 31,000 vehicles a day and has been rated structurally deficient since 2017.',
  '“The numbers speak for themselves,” said Priya Raman, the council’s executive director. She added that ' +
    'the repairs were “long overdue” and urged the state to speed up its review.',
  'People familiar with the negotiations said the deal came together only after the governor’s office ' +
    'agreed to cover part of the cost. A spokesman for Gov. Marcus Bell declined to comment.',
  'Some residents were less enthusiastic. “I will believe it when I drive across it,” said Tom Ferris, 64, ' +
    'a retired teacher who lives near the river. Others worried about noise and detours.',
  'The council will hold a public hearing on the construction schedule on April 9, officials said. The ' +
    'first contracts are expected to be signed in the fall, according to the city’s latest timeline.',
];

/** The story's headline, byline and site, as Readability would report them. */
export const WARMUP_META = {
  title: 'Harborton council approves $48 million plan to rebuild Eastgate bridge',
  byline: 'By Ana Whitfield',
  siteName: 'The Harborton Ledger',
  publishedTime: '2026-03-03T10:00:00Z',
} as const;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The story as a small news page, for a warm-up of the HTML parser and Readability. */
export function warmupPage(): string {
  const e = escapeHtml;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${e(WARMUP_META.title)}</title>` +
    `<meta property="og:site_name" content="${e(WARMUP_META.siteName)}">` +
    `<meta property="article:published_time" content="${WARMUP_META.publishedTime}"></head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav></header>' +
    `<main><article><h1>${e(WARMUP_META.title)}</h1><p class="byline">${e(WARMUP_META.byline)}</p>` +
    WARMUP_PARAGRAPHS.map((p) => `<p>${e(p)}</p>`).join('') +
    '</article><aside><h2>Most read</h2><ul><li><a href="/a">Storm closes schools</a></li>' +
    '<li><a href="/b">Team wins opener</a></li></ul></aside></main><footer>© The Harborton Ledger</footer>' +
    '</body></html>'
  );
}
