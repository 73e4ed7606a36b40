/**
 * Robustness corpus generator: builds the hostile, huge, odd and foreign pages that extraction, analysis and
 * anchoring must survive. Deterministic (seeded PRNG, no Date/Math.random), so a failure on page N
 * reproduces everywhere. The pages are built in memory by the tests and the bench — committing a 1 MB
 * page would only bloat the repository; `npx tsx tests/robustness/generate.ts [dir]` writes them to disk
 * (default tests/robustness/out, git-ignored) for opening in a real browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One corpus page. */
export interface CorpusPage {
  /** File-name-safe id, unique in the corpus. */
  name: string;
  /** What the page stresses, for the bench table and failure messages. */
  note: string;
  /** The page's HTML (possibly not HTML at all). */
  html: string;
  /** The URL the page pretends to live at. */
  url: string;
  /**
   * Bench-only: too slow for the unit suite in jsdom (whose parser and Range are super-linear on deep trees;
   * Chromium's parser caps nesting at 512 anyway). A lighter sibling of each heavy page runs in the suite.
   */
  heavy?: boolean;
  /** Live-DOM selections to describe (default: 3 on pages under 150 kB, else 0). */
  selections?: number;
}

/** The fixed seed: change it only together with every expectation that depends on the corpus. */
export const SEED = 0x5eed1e55;

/** mulberry32: a tiny, well-distributed, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Amina',
  'Boris',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiroshi',
  'Ingrid',
  'Jamal',
  'Kofi',
  'Lucía',
  'Mohammed',
  'Nadia',
  'Oluwaseun',
  'Priya',
  'Quentin',
  'Rahel',
  'Santiago',
  'Tomasz',
  'Ursula',
  'Vikram',
  'Wei',
  'Xiomara',
  'Yusuf',
  'Zofia',
  'Siobhán',
  'Jean-Luc',
  'Mary Ann',
  'José',
];
const LAST = [
  'Diop',
  'Petrov',
  'Martin',
  'Ivanova',
  'Haddad',
  'Okafor',
  'Tanaka',
  'Larsen',
  'Nkemelu',
  'García',
  'Rahman',
  'Kowalski',
  'Schmidt',
  'Singh',
  'Chen',
  "O'Brien",
  'van der Berg',
  'de la Cruz',
  'al-Masri',
  'Nguyen',
  'Müller',
  'Smith-Jones',
  'MacLeod',
  'Mbeki',
  'Rossi',
];
const ORGS = [
  'the United Nations',
  'the World Health Organization',
  'Reuters',
  'the Ministry of Finance',
  'Acme Corp.',
  'the European Commission',
  'Médecins Sans Frontières',
  'the U.S. State Department',
  'NATO',
  'the IMF',
];
const PLACES = ['Bamako', 'Kyiv', 'São Paulo', 'Lagos', 'New York', 'Beirut', 'Jakarta', 'Oslo', 'Nairobi', 'Lima'];
const SAY = ['said', 'told reporters', 'added', 'warned', 'insisted', 'claimed', 'noted', 'explained', 'argued'];
const CLAUSES = [
  'the talks would resume next week',
  'the budget had been cut by a third',
  'nobody expected the vote to pass',
  'the border remained closed to trucks',
  'the vaccine campaign was ahead of schedule',
  'prices for bread and fuel had doubled since March',
  'the agreement was a first step, not a final settlement',
  'the investigation would take months',
];

/** A seeded helper bag for building text. */
function words(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;
  const sentence = (): string => {
    switch (Math.floor(rand() * 7)) {
      case 0: {
        const c = pick(CLAUSES);
        return `“${c[0]!.toUpperCase()}${c.slice(1)},” ${name()} ${pick(SAY)}.`;
      }
      case 1:
        return `${name()}, a spokesperson for ${pick(ORGS)}, ${pick(SAY)} ${pick(CLAUSES)}.`;
      case 2:
        return `According to ${pick(ORGS)}, ${pick(CLAUSES)}.`;
      case 3:
        return `A senior official, who spoke on condition of anonymity, said ${pick(CLAUSES)}.`;
      case 4:
        return `In ${pick(PLACES)}, ${name()} met officials from ${pick(ORGS)} on Tuesday.`;
      case 5:
        return `"${pick(CLAUSES)}," said ${name()}, "and we will not accept anything less."`;
      default:
        return `Officials in ${pick(PLACES)} ${pick(SAY)} that ${pick(CLAUSES)}.`;
    }
  };
  const paragraph = (n = 3 + Math.floor(rand() * 4)) => Array.from({ length: n }, sentence).join(' ');
  return { pick, name, sentence, paragraph };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plausible news page around `body` (already HTML): site chrome, headline, byline, article, footer. */
function newsPage(opts: { title: string; body: string; lang?: string; dir?: string; head?: string }): string {
  const lang = opts.lang ?? 'en';
  const dir = opts.dir ? ` dir="${opts.dir}"` : '';
  return `<!doctype html>
<html lang="${lang}"${dir}><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<meta property="og:site_name" content="Robustness Daily">${opts.head ?? ''}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${esc(opts.title)}</h1><p class="byline">By Robustness Staff</p>
${opts.body}
</article></main><footer><p>© Robustness Daily</p></footer></body></html>`;
}

/** Wraps plain paragraphs (strings, escaped here) as `<p>` elements. */
const paras = (ps: readonly string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join('\n');

/** Short native-language news paragraphs, written for this corpus (quotes in each language's own style). */
const FOREIGN: Record<string, { lang: string; dir?: string; title: string; ps: string[] }> = {
  french: {
    lang: 'fr',
    title: 'Le gouvernement annonce un nouveau plan pour l’agriculture',
    ps: [
      '« Nous ne laisserons personne de côté », a déclaré jeudi la ministre Élise Durand devant l’Assemblée nationale à Paris.',
      'Selon un haut fonctionnaire qui a requis l’anonymat, le budget du ministère aurait été réduit d’un tiers l’an dernier.',
      'Jean-Pierre Lefèvre, président de la Fédération nationale des syndicats d’exploitants agricoles, a estimé que « c’est un premier pas, mais pas une solution ».',
      'D’après l’Organisation des Nations unies pour l’alimentation et l’agriculture, les prix du blé ont doublé depuis mars.',
    ],
  },
  german: {
    lang: 'de',
    title: 'Bundesregierung einigt sich auf neuen Haushalt',
    ps: [
      '„Wir haben einen tragfähigen Kompromiss gefunden“, sagte Finanzminister Klaus Weber am Donnerstag in Berlin.',
      'Nach Angaben eines Regierungssprechers, der anonym bleiben wollte, soll der Etat für Verteidigung um zwölf Prozent steigen.',
      'Die Vorsitzende der Gewerkschaft Verdi, Sabine Müller-Lüdenscheidt, kritisierte: „Das ist ein Schlag ins Gesicht der Beschäftigten.“',
      'Laut Statistischem Bundesamt lag die Inflation im Oktober bei 2,4 Prozent. Straßenbahnfahrerinnen und Straßenbahnfahrer streikten.',
    ],
  },
  chinese: {
    lang: 'zh',
    title: '北京宣布新的经济刺激计划',
    ps: [
      '国务院总理李明在记者会上表示：“我们将继续扩大内需，稳定就业。”',
      '据一位不愿透露姓名的官员说，该计划的规模约为一万亿元人民币。',
      '国际货币基金组织此前预测，中国今年的经济增长率将达到百分之五。「这是一个积极的信号」，分析师王芳说。',
      '上海、广州和深圳的居民对这一消息反应不一。',
    ],
  },
  japanese: {
    lang: 'ja',
    title: '東京都、新たな防災計画を発表',
    ps: [
      '東京都の佐藤花子知事は記者会見で「都民の命を守ることが最優先だ」と述べた。',
      '匿名を条件に取材に応じた都の幹部によると、計画の総額は約三千億円にのぼる。',
      '気象庁は、今後三十年以内に首都直下地震が起きる確率を七十パーセントと推計している。『備えは今すぐ必要だ』と専門家の田中一郎教授は語った。',
      'ｶﾀｶﾅの半角表記や全角ＡＢＣ、１２３も混在する。',
    ],
  },
  russian: {
    lang: 'ru',
    title: 'В Москве обсудили новые меры поддержки малого бизнеса',
    ps: [
      '«Мы снизим налоговую нагрузку на предпринимателей», — заявил министр экономики Алексей Смирнов в четверг.',
      'По словам источника в правительстве, пожелавшего остаться неназванным, программа обойдётся бюджету в 200 миллиардов рублей.',
      'Председатель Ассоциации предпринимателей Ольга Кузнецова отметила, что «этого недостаточно, но это шаг в правильном направлении».',
      'Согласно данным Росстата, инфляция в октябре составила 7,5 процента.',
    ],
  },
  hindi: {
    lang: 'hi',
    title: 'सरकार ने किसानों के लिए नई योजना की घोषणा की',
    ps: [
      'कृषि मंत्री राजेश कुमार ने गुरुवार को नई दिल्ली में कहा, "हम किसी भी किसान को पीछे नहीं छोड़ेंगे।"',
      'नाम न छापने की शर्त पर एक वरिष्ठ अधिकारी ने बताया कि योजना का बजट लगभग पचास हज़ार करोड़ रुपये है।',
      'भारतीय किसान संघ की अध्यक्ष सुनीता देवी ने कहा कि यह "एक अच्छी शुरुआत" है।',
      'विश्व बैंक के अनुसार, पिछले वर्ष खाद्य कीमतों में बारह प्रतिशत की वृद्धि हुई।',
    ],
  },
  arabic: {
    lang: 'ar',
    dir: 'rtl',
    title: 'الحكومة تعلن عن خطة جديدة لدعم التعليم',
    ps: [
      'قال وزير التربية أحمد الخطيب يوم الخميس في بيروت: «سنعيد فتح جميع المدارس قبل نهاية الشهر».',
      'وبحسب مسؤول رفيع طلب عدم الكشف عن اسمه، فإن ميزانية الخطة تبلغ نحو ٣٠٠ مليون دولار.',
      'وأضافت رئيسة نقابة المعلمين فاطمة الزهراء أن "هذه خطوة أولى، لكنها ليست كافية".',
      'ووفقًا لمنظمة الأمم المتحدة للطفولة (يونيسف)، فإن أكثر من مليون طفل خارج المدرسة. النص العربي مع English words و123 أرقام.',
    ],
  },
  hebrew: {
    lang: 'he',
    dir: 'rtl',
    title: 'הממשלה אישרה את תקציב המדינה לשנה הבאה',
    ps: [
      'שר האוצר דוד כהן אמר ביום חמישי בירושלים: "זהו תקציב אחראי שמחזק את הצמיחה".',
      'לדברי בכיר במשרד, שביקש שלא להזדהות, הגירעון צפוי לעמוד על ארבעה אחוזים.',
      'יו״ר ההסתדרות, מרים לוי, מתחה ביקורת ואמרה כי „העובדים ישלמו את המחיר“.',
      'לפי נתוני הלשכה המרכזית לסטטיסטיקה, האינפלציה עמדה על 3.1% בחודש שעבר. טקסט עם English ו-123 באמצע.',
    ],
  },
};

/** Every generated page, in a fixed order. Cheap pages first; the huge ones are built on demand. */
export function generatedPages(seed: number = SEED): CorpusPage[] {
  const rand = prng(seed);
  const w = words(rand);
  const pages: CorpusPage[] = [];
  const add = (name: string, note: string, html: string, extra: Pick<CorpusPage, 'heavy' | 'selections'> = {}) =>
    pages.push({ name, note, html, url: `http://127.0.0.1/robustness/${name}.html`, ...extra });

  // --- nothing at all ---
  add('empty', 'zero bytes', '');
  add('whitespace-only', 'only white space', ' \n\t\r\n   \u00a0 \n');
  add('doctype-only', 'a doctype and nothing else', '<!doctype html>');
  add(
    'empty-body',
    'head with title, empty body',
    '<!doctype html><html><head><title>Nothing</title></head><body></body></html>',
  );
  add('title-only', 'a long title and no body text', `<title>${'Breaking news '.repeat(500)}</title>`);

  // --- size ---
  {
    // 1 MB of prose in ordinary paragraphs (~1,000 paragraphs of ~1 kB)
    const ps: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const p = w.paragraph(6);
      ps.push(p);
      size += p.length;
    }
    add(
      '1mb-article',
      '1 MB of news prose in paragraphs',
      newsPage({ title: 'A very long article', body: paras(ps) }),
      {
        heavy: true,
      },
    );
  }
  {
    // 1 MB in ONE paragraph: no block boundary to split on
    const parts: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const s = w.sentence();
      parts.push(s);
      size += s.length + 1;
    }
    add(
      '1mb-one-paragraph',
      '1 MB of text in a single <p>',
      newsPage({ title: 'One paragraph', body: paras([parts.join(' ')]) }),
    );
  }
  add(
    '10k-paragraphs',
    '10,000 short paragraphs',
    newsPage({ title: 'Ten thousand paragraphs', body: paras(Array.from({ length: 10_000 }, () => w.sentence())) }),
  );
  add(
    '10k-sentences-yes',
    '10,000 one-word sentences',
    newsPage({ title: 'Yes', body: paras([Array.from({ length: 10_000 }, () => 'Yes.').join(' ')]) }),
  );
  add('huge-word', 'one 200,000-character word', newsPage({ title: 'Word', body: `<p>${'a'.repeat(200_000)}</p>` }));
  add(
    'huge-word-capitalized',
    'one 100,000-character capitalized word, then said',
    newsPage({ title: 'Word', body: `<p>“Yes,” said X${'y'.repeat(100_000)}.</p>` }),
  );
  add(
    'no-period-100k',
    'a 100 kB sentence with no sentence end',
    newsPage({
      title: 'Run-on',
      body: paras([
        Array.from({ length: 15_000 }, () => w.pick(['and', 'the', 'minister', 'said', 'that', 'Diop'])).join(' '),
      ]),
    }),
  );

  // --- deep and broken markup ---
  // Deep nesting, each at a suite-sized depth and (heavy, bench-only) at the full depth.
  const deep = (n: Record<'divs' | 'spans' | 'b' | 'tables' | 'lists' | 'quotes', number>, heavy: boolean) => {
    const opts = { heavy, selections: 0 };
    const tag = (n: number) => `-${n}`;
    add(
      `nested-divs${tag(n.divs)}`,
      `${n.divs} nested <div>s around an article`,
      newsPage({
        title: 'Deep',
        body: '<div>'.repeat(n.divs) + paras([w.paragraph(), w.paragraph()]) + '</div>'.repeat(n.divs),
      }),
      opts,
    );
    add(
      `nested-spans${tag(n.spans)}`,
      `${n.spans} nested inline <span>s, text at every level`,
      newsPage({
        title: 'Deep inline',
        body:
          '<p>' +
          Array.from({ length: n.spans }, (_, i) => `<span>w${i} `).join('') +
          '</span>'.repeat(n.spans) +
          '</p>',
      }),
      opts,
    );
    add(
      `nested-unclosed-b${tag(n.b)}`,
      `${n.b} unclosed <b> tags (adoption agency algorithm stress)`,
      newsPage({
        title: 'Unclosed',
        body: Array.from({ length: n.b }, (_, i) => `<b>${i} `).join('') + paras([w.paragraph()]),
      }),
      opts,
    );
    add(
      `nested-tables${tag(n.tables)}`,
      `${n.tables} nested tables`,
      newsPage({
        title: 'Tables',
        body: '<table><tr><td>'.repeat(n.tables) + w.paragraph() + '</td></tr></table>'.repeat(n.tables),
      }),
      opts,
    );
    add(
      `nested-lists${tag(n.lists)}`,
      `${n.lists} nested lists`,
      newsPage({
        title: 'Lists',
        body: '<ul><li>item '.repeat(n.lists) + w.paragraph() + '</li></ul>'.repeat(n.lists),
      }),
      opts,
    );
    add(
      `nested-quotes${tag(n.quotes)}`,
      `${n.quotes} nested <blockquote>/<q> elements`,
      newsPage({
        title: 'Nested quotes',
        body: '<blockquote><q>'.repeat(n.quotes) + w.paragraph() + '</q></blockquote>'.repeat(n.quotes),
      }),
      opts,
    );
  };
  // suite depths: what jsdom handles in ~1-3 s each (nested lists are the costliest for Readability)
  deep({ divs: 500, spans: 1000, b: 600, tables: 40, lists: 100, quotes: 200 }, false);
  deep({ divs: 5000, spans: 5000, b: 3000, tables: 300, lists: 2000, quotes: 1000 }, true);
  {
    // random tag soup: fragments of tags, stray brackets, bad attributes, unmatched closers
    const bits = [
      '<p>',
      '</p>',
      '<div',
      '>',
      '<',
      '</span>',
      '<b><i>',
      '</b>',
      '"',
      "'",
      '&',
      '&amp',
      '&#x;',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<script>',
      '</script>',
      '<a href="javascript:alert(1)">',
      '</a>',
      '<img src=x onerror=alert(1)>',
      '\u0000',
    ];
    const soup: string[] = [];
    for (let i = 0; i < 5000; i++) soup.push(rand() < 0.5 ? w.pick(bits) : w.sentence());
    add('tag-soup', 'random tag fragments, unbalanced tags, stray brackets', soup.join(''));
  }
  add(
    'malformed-attrs',
    'unterminated attributes and a huge attribute value',
    `<html><body class="a" class="b" data-x='${'x'.repeat(100_000)}'><p title="unterminated>${w.paragraph()}</p><p>${w.paragraph()}<p>${w.paragraph()}`,
  );
  add(
    'unclosed-everything',
    'no closing tags anywhere',
    '<html><head><title>Open<body><article><h1>Open<p>' + Array.from({ length: 50 }, () => w.paragraph()).join('<p>'),
  );
  add(
    'comments-everywhere',
    'HTML comments between every word, some unterminated',
    newsPage({
      title: 'Comments',
      body: '<p>' + w.paragraph(20).split(' ').join('<!-- c -->') + '</p><!-- unterminated ' + w.paragraph(),
    }),
  );
  add(
    'frameset',
    'a frameset page',
    '<!doctype html><html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
  );
  add(
    'svg-math-template',
    'text hidden in svg, math, template, noscript, script and style',
    newsPage({
      title: 'Hidden',
      body: `<svg><text>svg said “hello”</text></svg><math><mi>x</mi></math><template><p>${w.paragraph()}</p></template><noscript>${w.paragraph()}</noscript><script>var s = "“quoted”, said Nobody";</script><style>p::before{content:"said"}</style>${paras([w.paragraph(), w.paragraph()])}`,
    }),
  );
  add(
    'shadow-root-declarative',
    'declarative shadow DOM template',
    newsPage({
      title: 'Shadow',
      body: `<div><template shadowrootmode="open"><p>${w.paragraph()}</p></template></div>${paras([w.paragraph()])}`,
    }),
  );
  add(
    'xml-ish',
    'XML declaration, processing instructions and CDATA',
    `<?xml version="1.0"?><?pi x?><html xmlns="http://www.w3.org/1999/xhtml"><body><![CDATA[ "x," said Y ]]><p>${w.paragraph()}</p></body></html>`,
  );
  add(
    'not-html-json',
    'a JSON document',
    JSON.stringify({ quote: '“Hi,” said Ana.', list: Array.from({ length: 500 }, (_, i) => i) }),
  );
  add(
    'not-html-binary',
    'random bytes as text',
    Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(rand() * 0x10000))).join(''),
  );

  // --- not articles ---
  add(
    'non-article-login',
    'a login form',
    '<!doctype html><html><head><title>Sign in</title></head><body><form><label>Email <input name="e"></label><label>Password <input type="password"></label><button>Sign in</button></form></body></html>',
  );
  add(
    'non-article-nav',
    'a page of navigation links only',
    `<!doctype html><html><body><nav>${Array.from({ length: 800 }, (_, i) => `<a href="/p${i}">${w.name()}</a>`).join(' | ')}</nav></body></html>`,
  );
  add(
    'non-article-table',
    'a data table of numbers and names',
    `<!doctype html><html><body><table>${Array.from({ length: 400 }, (_, i) => `<tr><td>${i}</td><td>${w.name()}</td><td>${(rand() * 1e6).toFixed(2)}</td></tr>`).join('')}</table></body></html>`,
  );
  add(
    'non-article-gallery',
    'an image gallery with captions',
    `<!doctype html><html><body>${Array.from({ length: 300 }, (_, i) => `<figure><img src="/i${i}.jpg" alt="${w.name()}"><figcaption>${w.name()} in ${w.pick(PLACES)}</figcaption></figure>`).join('')}</body></html>`,
  );
  for (const [n, heavy] of [
    [2_000, false],
    [50_000, true],
  ] as const) {
    add(
      `link-dense-${n / 1000}k`,
      `${n} links inside one paragraph`,
      newsPage({
        title: 'Links',
        body: `<p>${Array.from({ length: n }, (_, i) => `<a href="/x${i}">${w.pick(LAST)}</a>`).join(' ')}</p>`,
      }),
      { heavy },
    );
  }

  // --- languages and direction ---
  for (const [name, f] of Object.entries(FOREIGN)) {
    add(
      `lang-${name}`,
      `${name} news (${f.lang}${f.dir ? ', ' + f.dir : ''})`,
      newsPage({
        title: f.title,
        lang: f.lang,
        dir: f.dir,
        body: paras([...f.ps, ...f.ps.slice().reverse(), ...f.ps]),
      }),
    );
  }
  add(
    'bidi-mixed',
    'Arabic, Hebrew and English in one paragraph, with bidi control characters',
    newsPage({
      title: 'Bidi',
      dir: 'rtl',
      body: paras([
        `\u202b${FOREIGN.arabic!.ps[0]}\u202c “Yes,” said Amina Diop. \u2067${FOREIGN.hebrew!.ps[0]}\u2069 \u200f${w.paragraph()}\u200e`,
      ]),
    }),
  );
  add(
    'mixed-scripts',
    'every script of the corpus interleaved sentence by sentence',
    newsPage({
      title: 'Babel',
      body: paras(
        Array.from({ length: 40 }, (_, i) => {
          const langs = Object.values(FOREIGN);
          return `${langs[i % langs.length]!.ps[i % 4]} ${w.sentence()}`;
        }),
      ),
    }),
  );

  // --- quotation marks ---
  add(
    'quotes-unbalanced',
    'opening quotes that never close, closing quotes that never opened',
    newsPage({
      title: 'Unbalanced',
      body: paras(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? `“${w.paragraph()}` : `${w.paragraph()}” said ${w.name()}.”`)),
      ),
    }),
  );
  add(
    'quotes-nested',
    'quotes nested ten deep in every style',
    newsPage({
      title: 'Nested',
      body: paras(
        Array.from({ length: 40 }, () => {
          let s = w.pick(CLAUSES);
          const pairs: ReadonlyArray<readonly [string, string]> = [
            ['“', '”'],
            ['‘', '’'],
            ['"', '"'],
            ["'", "'"],
            ['«', '»'],
            ['„', '“'],
            ['「', '」'],
            ['『', '』'],
            ['‹', '›'],
          ];
          for (let d = 0; d < 10; d++) {
            const [o, c] = w.pick(pairs);
            s = `${o}${s}, ${w.name()} ${w.pick(SAY)}${c}`;
          }
          return `${s}, said ${w.name()}.`;
        }),
      ),
    }),
  );
  add(
    'quotes-only',
    '20,000 quotation marks and nothing else',
    newsPage({
      title: 'Marks',
      body: `<p>${Array.from({ length: 20_000 }, () => w.pick(['"', '“', '”', '‘', '’', '«', '»', '„', '「', '」', "'"])).join('')}</p>`,
    }),
  );
  add(
    'quotes-open-1000',
    '1,000 opening quotes each followed by said',
    newsPage({ title: 'Open', body: `<p>${'“said Diop '.repeat(1000)}</p>` }),
  );
  add(
    'quotes-across-paragraphs',
    'multi-paragraph quotes (each paragraph re-opens, only the last closes)',
    newsPage({
      title: 'Across',
      body: paras([
        '“' + w.paragraph(),
        '“' + w.paragraph(),
        '“' + w.paragraph() + '” said Amina Diop.',
        ...Array.from({ length: 10 }, () => w.paragraph()),
      ]),
    }),
  );
  add(
    'quotes-mixed-styles',
    'straight, curly, guillemets, low-9 and CJK brackets, mismatched pairs',
    newsPage({
      title: 'Mixed',
      body: paras(
        Array.from({ length: 80 }, () => {
          const o = w.pick(['"', '“', '«', '„', '「', '‘', "'"]);
          const c = w.pick(['"', '”', '»', '“', '」', '’', "'"]);
          return `${o}${w.pick(CLAUSES)},${c} ${w.pick(SAY)} ${w.name()}. ${w.sentence()}`;
        }),
      ),
    }),
  );
  add(
    'apostrophes',
    "apostrophes and primes that look like quotes (O'Brien's, '90s, 5'11\")",
    newsPage({
      title: "Don't",
      body: paras(
        Array.from(
          { length: 40 },
          () =>
            `O'Brien's team said the '90s were 'different', that rock 'n' roll isn't dead and he's 5'11" tall. ${w.sentence()}`,
        ),
      ),
    }),
  );

  // --- odd text ---
  add(
    'no-punctuation',
    'prose with no punctuation at all',
    newsPage({
      title: 'No punctuation',
      body: paras(Array.from({ length: 40 }, () => w.paragraph().replace(/[^\p{L}\p{N}\s]/gu, ''))),
    }),
  );
  add(
    'all-caps',
    'every letter upper-case',
    newsPage({ title: 'SHOUTING', body: paras(Array.from({ length: 40 }, () => w.paragraph().toUpperCase())) }),
  );
  add(
    'all-lowercase',
    'every letter lower-case',
    newsPage({ title: 'whisper', body: paras(Array.from({ length: 40 }, () => w.paragraph().toLowerCase())) }),
  );
  add(
    'only-numbers',
    'paragraphs of numbers',
    newsPage({
      title: '12345',
      body: paras(
        Array.from({ length: 200 }, () =>
          Array.from({ length: 40 }, () => Math.floor(rand() * 1e9).toString()).join(' '),
        ),
      ),
    }),
  );
  add(
    'emoji',
    'emoji, ZWJ sequences, flags, skin tones and variation selectors inside prose',
    newsPage({
      title: '🔥 News 🔥',
      body: paras(
        Array.from({ length: 60 }, () =>
          w
            .paragraph()
            .split(' ')
            .map((t) => (rand() < 0.3 ? t + w.pick(['😀', '👩‍👩‍👧‍👦', '🇫🇷', '👍🏽', '❤️', '🏳️‍🌈', '🧑🏿‍🚀', '“😂”', '𝕳𝖊𝖑𝖑𝖔']) : t))
            .join(' '),
        ),
      ),
    }),
  );
  {
    // every C0/C1 control character, lone surrogates, noncharacters, BOMs and invisible format characters
    const controls: string[] = [];
    for (let c = 1; c < 0x20; c++) controls.push(String.fromCharCode(c));
    for (let c = 0x7f; c < 0xa0; c++) controls.push(String.fromCharCode(c));
    controls.push(
      '\ud800',
      '\udfff',
      '\ufffe',
      '\uffff',
      '\ufeff',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\u00ad',
      '\u2028',
      '\u2029',
      '\u061c',
      '\u180e',
    );
    const noisy = (s: string) =>
      s
        .split(' ')
        .map((t) => (rand() < 0.5 ? t + w.pick(controls) : t))
        .join(' ');
    add(
      'control-chars',
      'C0/C1 controls, lone surrogates, noncharacters, invisible characters in text',
      newsPage({ title: 'Control\u0007', body: paras(Array.from({ length: 60 }, () => noisy(w.paragraph()))) }),
    );
    add(
      'control-chars-raw',
      'controls and NULs as raw text, no markup',
      Array.from({ length: 200 }, () => noisy(w.sentence()) + '\u0000').join('\n'),
    );
  }
  add(
    'invisible-everywhere',
    'zero-width spaces and soft hyphens between every letter',
    newsPage({
      title: 'Invisible',
      body: paras(
        Array.from({ length: 30 }, () =>
          w
            .paragraph()
            .split('')
            .join(w.pick(['\u200b', '\u00ad', '\u2060'])),
        ),
      ),
    }),
  );
  add(
    'zalgo',
    'letters stacked with 20 combining marks each',
    newsPage({
      title: 'Zalgo',
      body: paras(
        Array.from({ length: 20 }, () =>
          w
            .paragraph()
            .replace(
              /\p{L}/gu,
              (c) =>
                c + Array.from({ length: 20 }, () => String.fromCharCode(0x300 + Math.floor(rand() * 0x6f))).join(''),
            ),
        ),
      ),
    }),
  );
  add(
    'capitalized-names-5000',
    '5,000 capitalized full names in lists and sentences',
    newsPage({
      title: 'Names',
      body: paras(
        Array.from(
          { length: 500 },
          () => Array.from({ length: 10 }, () => w.name()).join(', ') + ` said ${w.pick(CLAUSES)}.`,
        ),
      ),
    }),
  );
  add(
    'capitalized-everything',
    'Every Word Capitalized Like A Headline',
    newsPage({
      title: 'Title Case',
      body: paras(Array.from({ length: 60 }, () => w.paragraph().replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()))),
    }),
  );
  add(
    'said-cues-no-speakers',
    '"said", "according to" and "on condition of anonymity" with nothing to attach to',
    newsPage({
      title: 'Said',
      body: paras(
        Array.from(
          { length: 100 },
          () => 'said. according to, told reporters, on condition of anonymity said said “” ,” said . who spoke',
        ),
      ),
    }),
  );
  add(
    'abbreviations',
    'dense abbreviations that look like sentence ends (U.S., Dr., No. 5, e.g.)',
    newsPage({
      title: 'Abbr.',
      body: paras(
        Array.from(
          { length: 60 },
          () =>
            `Dr. J. R. R. Smith Jr. of the U.S.A. told Mr. Diop at 5 p.m. on Jan. 3 (i.e. No. 5, e.g. St. Louis) that “U.S. officials said so.” ${w.sentence()}`,
        ),
      ),
    }),
  );
  add(
    'identical-paragraphs',
    '500 identical paragraphs (anchoring must pick one, never wrong text)',
    newsPage({
      title: 'Echo',
      body: paras(Array.from({ length: 500 }, () => '“The plan works,” said Amina Diop. The plan works.')),
    }),
  );
  add(
    'whitespace-torture',
    'tabs, CRLF, NBSP, ideographic and em spaces, <pre> and <br> runs',
    newsPage({
      title: 'Spaces',
      body:
        `<pre>  indented\r\n\r\n\tcode   “said” x\t\t</pre>` +
        paras(
          Array.from({ length: 30 }, () =>
            w
              .paragraph()
              .replace(/ /g, () => w.pick([' ', '  ', '\t', '\r\n', '\u00a0', '\u3000', '\u2003', '\u2009 '])),
          ),
        ) +
        `<p>a<br><br><br>b<br>\n<br>c</p>`,
    }),
  );
  add(
    'entities-galore',
    'named and numeric character references, valid and broken',
    newsPage({
      title: 'Entities &amp; more',
      body:
        paras([]) +
        `<p>${Array.from({ length: 2000 }, () => w.pick(['&amp;', '&quot;', '&ldquo;', '&rdquo;', '&laquo;', '&raquo;', '&#8220;', '&#x201D;', '&nbsp;', '&#0;', '&#xD800;', '&#x110000;', '&notanentity;', '&', ' said ', ' Diop '])).join('')}</p>`,
    }),
  );
  add(
    'markdown-and-code',
    'markdown syntax and code in paragraphs',
    newsPage({
      title: 'Markdown',
      body: paras(
        Array.from(
          { length: 40 },
          () => `# Heading **bold** _it_ [link](http://x) \`code("said")\` > “${w.pick(CLAUSES)}” said ${w.name()}`,
        ),
      ),
    }),
  );
  add(
    'base64-blob',
    'a 300 kB base64 blob in a paragraph',
    newsPage({
      title: 'Blob',
      body: `<p>${Array.from({ length: 300_000 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[Math.floor(rand() * 64)]).join('')}</p>${paras([w.paragraph()])}`,
    }),
  );
  add(
    'headings-only',
    '400 headings and no paragraphs',
    newsPage({
      title: 'Headings',
      body: Array.from({ length: 400 }, (_, i) => `<h${(i % 6) + 1}>${w.name()} ${w.pick(SAY)}</h${(i % 6) + 1}>`).join(
        '',
      ),
    }),
  );
  add(
    'random-unicode',
    'random code points from every plane',
    newsPage({
      title: 'Noise',
      body: paras(
        Array.from({ length: 50 }, () =>
          Array.from({ length: 300 }, () => {
            const cp = rand() < 0.8 ? Math.floor(rand() * 0xd7ff) + 1 : 0x10000 + Math.floor(rand() * 0xfffff);
            return String.fromCodePoint(cp);
          }).join(''),
        ),
      ),
    }),
  );
  add(
    'long-article-normal',
    'an ordinary 40-paragraph article (the control case)',
    newsPage({ title: 'An ordinary article', body: paras(Array.from({ length: 40 }, () => w.paragraph())) }),
  );
  return pages;
}

// CLI: write the generated pages to a directory, to open them in a real browser or the E2E harness.
if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const dir = process.argv[2] ?? join(import.meta.dirname ?? '.', 'out');
  mkdirSync(dir, { recursive: true });
  const pages = generatedPages();
  for (const p of pages) writeFileSync(join(dir, `${p.name}.html`), p.html);
  console.log(`wrote ${pages.length} pages to ${dir}`);
}
