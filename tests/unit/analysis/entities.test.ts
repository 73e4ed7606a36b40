/**
 * Unit tests for the entity engine's rules, one short text per rule: datelines, acronyms, surname merging,
 * titles, possessives, hyphens and diacritics, boilerplate, non-entities and typing cues.
 */
import { describe, expect, test } from 'vitest';
import { findEntities } from '../../../utils/analysis/entities';
import type { EntityType } from '../../../utils/analysis/types';

const find = (text: string) => findEntities(text);
const byName = (text: string) => new Map(find(text).map((e) => [e.text, e]));

describe('findEntities: rules', () => {
  test.each<[string, string, string, EntityType]>([
    ['dateline in capitals', 'LONDON — The prime minister spoke on Monday.', 'LONDON', 'place'],
    ['dateline with colon', 'BEIJING: China said on Tuesday it would respond.', 'BEIJING', 'place'],
    ['title stripped', 'Foreign Minister Abdoulaye Diop welcomed him in Bamako.', 'Abdoulaye Diop', 'person'],
    ['military rank stripped', 'Lt. Gen. John Brennan told reporters the plan worked.', 'John Brennan', 'person'],
    ['rank spelled out', 'Lieutenant General Jane Kowalski said the base was safe.', 'Jane Kowalski', 'person'],
    ['company before CEO', 'Facebook CEO Mark Zuckerberg testified on Tuesday.', 'Mark Zuckerberg', 'person'],
    [
      'role noun before a name',
      'The talks were led by opposition leader Morgan Tsvangirai.',
      'Morgan Tsvangirai',
      'person',
    ],
    ['age appositive', 'Reiner Perez Rives, 34, was arrested in the city.', 'Reiner Perez Rives', 'person'],
    [
      'organization with "of"',
      'He heads the Bureau of African Affairs in the capital.',
      'Bureau of African Affairs',
      'organization',
    ],
    [
      'organization with "for"',
      'The National Center for Disaster Preparedness warned.',
      'National Center for Disaster Preparedness',
      'organization',
    ],
    ['place head word', 'The shelter at 80 New York Avenue is flooded.', 'New York Avenue', 'place'],
    ['US state', 'He returned to Alabama on their way home.', 'Alabama', 'place'],
    ['country', 'Mali has been gripped by a security crisis.', 'Mali', 'place'],
    ['known news agency', 'A senior source told Reuters the talks had failed.', 'Reuters', 'organization'],
    ['hyphenated party', 'She rose through the ranks of the ruling Zanu-PF in two years.', 'Zanu-PF', 'organization'],
    ['Arabic particle', 'Bashar al-Assad met the envoy in the capital.', 'Bashar al-Assad', 'person'],
    ['Dutch/German particles', 'Commission President Ursula von der Leyen spoke.', 'Ursula von der Leyen', 'person'],
    ['diacritics', 'Péter Magyar, leader of the opposition, welcomed the decision.', 'Péter Magyar', 'person'],
    ['initials', 'Back then Nelson A. Rockefeller was governor.', 'Nelson A. Rockefeller', 'person'],
    [
      'office of a title',
      "Officers from the Baldwin County Sheriff's office arrived.",
      "Baldwin County Sheriff's office",
      'organization',
    ],
    [
      '"X group" is an organization',
      'Syria must defeat the Islamic State group, he said.',
      'Islamic State',
      'organization',
    ],
    ['"city of X" is a place', 'He visited the Chinese city of Wuhan last year.', 'Wuhan', 'place'],
    ['embassy named by its country', 'A diplomat at the US embassy in Bamako said so.', 'US embassy', 'organization'],
    ['legal suffix', 'Contracts went to AirScrub Inc. and the city.', 'AirScrub Inc.', 'organization'],
    ['Spanish particles', 'Protesters filled the Plaza de Bolívar on Monday.', 'Plaza de Bolívar', 'place'],
    ['Dutch particle in a person', 'Our guest today is Bram de Vries, an engineer.', 'Bram de Vries', 'person'],
    [
      '"X and Y Commission"',
      'The Securities and Exchange Commission sued.',
      'Securities and Exchange Commission',
      'organization',
    ],
    ['"-based" prefix', 'It is financed by a Doha-based fund.', 'Doha', 'place'],
    ['outlet glued to a dateline', 'Hong Kong CNN —\n\nExports fell.', 'Hong Kong', 'place'],
    ['dateline with wire tag', 'GENEVA (Reuters) - The agency declared an emergency.', 'GENEVA', 'place'],
    ['office held for a place', 'The rebellion was led by the MP for Stroud, Mr Gareth Pennington.', 'Stroud', 'place'],
    [
      'role of an organization',
      'Anna Berg, the chief executive of Fjord Air, met investors.',
      'Fjord Air',
      'organization',
    ],
    [
      'appositive naming a kind of organization',
      "Roscosmos, Russia's space agency, agreed.",
      'Roscosmos',
      'organization',
    ],
    ['road number', 'The A835 was closed by snow.', 'A835', 'place'],
    ['national institution', 'The Scottish Government announced a review.', 'Scottish Government', 'organization'],
    ['generational suffix', 'Senator Joe Manchin III said no. Later Manchin left.', 'Joe Manchin III', 'person'],
  ])('%s', (_rule, text, name, type) => {
    const e = byName(text).get(name);
    expect(e, JSON.stringify(find(text).map((x) => x.text))).toBeDefined();
    expect(e!.type).toBe(type);
  });

  test('acronym in parentheses becomes an alias of its expansion', () => {
    const text =
      'Trump dismantled the US Agency for International Development (USAID). Staff at USAID were told to go home.';
    const e = byName(text).get('US Agency for International Development');
    expect(e?.type).toBe('organization');
    expect(e?.aliases).toContain('USAID');
    expect(e?.mentions).toHaveLength(3);
  });

  test('acronym without parentheses links to the matching initials', () => {
    const m = byName('The Service Employees International Union backs them. An SEIU spokesman, Marc Goumbri, said so.');
    expect(m.get('Service Employees International Union')?.aliases).toContain('SEIU');
    expect(m.has('SEIU')).toBe(false);
  });

  test('surname and title forms merge into the full name', () => {
    const text = 'Foreign Minister Abdoulaye Diop welcomed him. Diop told news agencies nothing. Later Mr Diop left.';
    const ents = find(text).filter((e) => e.type === 'person');
    expect(ents.map((e) => e.text)).toEqual(['Abdoulaye Diop']);
    expect(ents[0]!.mentions.map((m) => m.text)).toEqual(['Abdoulaye Diop', 'Diop', 'Diop']);
  });

  test('a sentence-initial surname joins its person', () => {
    const text = 'US President Donald Trump has a plan. Trump has slashed foreign assistance.';
    const e = byName(text).get('Donald Trump');
    expect(e?.mentions).toHaveLength(2);
    expect(byName(text).get('US')?.type).toBe('place');
  });

  test('possessives are not part of the name, and the mention offsets are exact', () => {
    const text = "Mali's economy is weak. Mugabe’s party won. The U.S.'s arsenal grew.";
    const ents = find(text);
    expect(ents.map((e) => e.text)).toEqual(expect.arrayContaining(['Mali', 'Mugabe', 'U.S.']));
    for (const e of ents) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('country aliases are one entity', () => {
    const text = 'The United States and Mali met. US officials said the U.S. would help.';
    const us = find(text).filter((e) => e.type === 'place' && e.text !== 'Mali');
    expect(us).toHaveLength(1);
    expect(us[0]!.text).toBe('United States');
    expect(us[0]!.mentions).toHaveLength(3);
  });

  test('"US State Department" and "State Department" are one entity', () => {
    const text = "The US State Department's envoy arrived. The bureau is part of the State Department.";
    const orgs = find(text).filter((e) => e.type === 'organization');
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.mentions).toHaveLength(2);
  });

  test('a list after "in" shares the place type', () => {
    const text = 'Cards were used in Athens, Clanton, Falkville and Prattville in Alabama.';
    for (const n of ['Clanton', 'Falkville', 'Prattville']) expect(byName(text).get(n)?.type).toBe('place');
  });

  test.each([
    ['demonyms', 'Malian authorities and American officials met Kenyan police and Chinese diplomats.'],
    ['religions and parties', 'Catholic priests, Muslims and Democrats gathered.'],
    ['events', 'It is not the Cold War and not the Arab Spring.'],
    ['sentence-initial common words', 'Investigators traced the thefts. Authorities identified them. Cash was seized.'],
    ['months and days', 'On Monday, in January, and again on Friday, he was away.'],
    ['pronoun contractions', "I've said it before. We're ready, and I'm sure."],
    ['nicknames in quotes', 'She was dubbed "Gucci Grace" by critics.'],
    ['titles in quotes', 'They planned a "Day of Disruption" and read the novel "The Long Winter".'],
    ['storms and ratings', 'Hurricane Ian hit as a Category 4 storm.'],
    ['products before a product noun', 'The Falcon 9 rocket lifted off.'],
    ['roles without a name', 'The Public Works Minister was absent.'],
    ['plural acronyms', 'MPs and CEOs met.'],
  ])('no entities from %s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  test.each([
    ['photo credit line', 'Scott Heins/Gothamist'],
    ['parenthesized credit', 'The basement of the building. (Harry Benson/Getty Images)'],
    ['wire credit after a caption', 'File photo of the minister. (Reuters)'],
    ['byline', 'By Sarah Connor and Kyle Reese'],
    ['contributor line', "CNN's Bill Kirkos contributed to this report."],
    ['follow prompt', 'Follow us on WhatsApp | LinkedIn for the latest headlines'],
    [
      'newsletter prompt',
      'Sign up for free AllAfrica Newsletters Get the latest in African news delivered to your inbox',
    ],
    ['read more', 'Read more: What Congress wants from Kenya'],
  ])('no entities from boilerplate: %s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  test('empty and name-free text', () => {
    expect(find('')).toEqual([]);
    expect(find('   \n\n  ')).toEqual([]);
    expect(find('it rained all day and nobody came.')).toEqual([]);
  });

  test('linear: a 50× article yields the same entities with 50× the mentions', () => {
    const one = 'Foreign Minister Abdoulaye Diop met Nick Checker in Bamako. Diop said Mali wants trade.\n\n';
    const a = find(one);
    const b = find(one.repeat(50));
    expect(b.map((e) => e.text)).toEqual(a.map((e) => e.text));
    expect(b.map((e) => e.mentions.length)).toEqual(a.map((e) => e.mentions.length * 50));
  });
});

describe('findEntities: generalization rules', () => {
  const typeOf = (text: string, name: string) => find(text).find((e) => e.text === name)?.type;
  const MATCH = 'The striker scored a penalty and the goalkeeper saved another in the league.\n\n';

  test.each<[string, string, string, EntityType]>([
    ['club with a match verb', `${MATCH}Orlando City beat Rivertown 2-0 on Saturday.`, 'Orlando City', 'organization'],
    ['club before a player role', `${MATCH}Sevilla striker Isaac Romero missed a penalty.`, 'Sevilla', 'organization'],
    [
      'club after a score and "at"',
      `${MATCH}Wrexham, who drew 1-1 at Stockport County, stay third.`,
      'Stockport County',
      'organization',
    ],
    ['club "who drew"', `${MATCH}Wrexham, who drew 1-1 at Stockport County, stay third.`, 'Wrexham', 'organization'],
    ['company with "&"', 'Shares of Procter & Gamble rose on Monday.', 'Procter & Gamble', 'organization'],
    ['firm verb', 'Piper Sandler downgraded the stock on Monday.', 'Piper Sandler', 'organization'],
    ['campaign named with a sum', 'Organizers with Fight for $15 rallied outside.', 'Fight for $15', 'organization'],
    ['name with a number', 'The Formula 1 race drew crowds.', 'Formula 1', 'organization'],
    [
      '"X police" names a place',
      'Officers said more. Ozark police closed the road. In Ozark, police said little.',
      'Ozark',
      'place',
    ],
    [
      'floor of a building',
      'She lived on the 43rd floor of the Waldorf Astoria for years.',
      'Waldorf Astoria',
      'place',
    ],
    ['residents of a place', 'Officials told residents of Halls Gap it was too late to leave.', 'Halls Gap', 'place'],
    ['state chamber', 'The Missouri House voted on Thursday.', 'Missouri House', 'organization'],
    [
      '"X for Y party"',
      'The Alternative for Germany party called the deal a betrayal.',
      'Alternative for Germany',
      'organization',
    ],
    [
      'union by its kind word',
      'The Central Unitaria de Trabajadores union called a strike.',
      'Central Unitaria de Trabajadores',
      'organization',
    ],
    [
      'field of study in a university name',
      'Researchers at King Abdullah University of Science and Technology took part.',
      'King Abdullah University of Science and Technology',
      'organization',
    ],
    [
      'demonym before an "of" institution',
      'The Australian Institute of Marine Science compared the corals.',
      'Australian Institute of Marine Science',
      'organization',
    ],
    [
      'three words before "and"',
      'The United Nations Relief and Works Agency said trucks crossed.',
      'United Nations Relief and Works Agency',
      'organization',
    ],
  ])('%s', (_what, text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });

  test('a city outside a match report stays a place', () => {
    expect(typeOf('Orlando beat the heat with a new park, officials in Orlando said.', 'Orlando')).toBe('place');
  });

  test('a person in a match report stays a person', () => {
    expect(typeOf(`${MATCH}Luka Kovačević beat the keeper in the 94th minute.`, 'Luka Kovačević')).toBe('person');
  });

  test('a new clause after a comma is not an appositive', () => {
    const text = "Hamas sent a delegation led by Khalil al-Hayya, while Israel's negotiating team waited.";
    expect(typeOf(text, 'Khalil al-Hayya')).toBe('person');
  });

  test('headline and contact boilerplate words are not part of names, and a contact line names no entity', () => {
    const names = find(
      'Late Kovačević penalty rescues Celje\nEarly Voting Begins In Harris County\nThe vote was close.\n\nReach Kendra Mills at kmills@example.com',
    ).map((e) => e.text);
    expect(names).not.toContain('Late Kovačević');
    expect(names).toContain('Harris County');
    expect(names).not.toContain('Kendra Mills'); // a reporter's contact line is a credit (lexicons/boilerplate.ts)
    expect(names.some((n) => /^(Late|Early|Reach|In) /.test(n))).toBe(false);
  });

  test('aliases merge: demonym + chamber, company + trade word, outlet + News', () => {
    const senate = find('The Colombian Senate voted on Tuesday. The Senate has turned its back on workers.');
    expect(senate.filter((e) => /Senate/.test(e.text)).map((e) => e.text)).toEqual(['Colombian Senate']);
    const samsung = find('Samsung Electronics said it would invest. Shares of Samsung rose 3%.');
    expect(samsung.filter((e) => /Samsung/.test(e.text)).map((e) => e.text)).toEqual(['Samsung Electronics']);
  });

  test('a rate and a stock exchange code are not places', () => {
    const es = find("Brazil's central bank raised its benchmark Selic rate. Petrobras fell on the B3 exchange.");
    expect(es.find((e) => e.text === 'Selic')).toBeUndefined();
    expect(es.find((e) => e.text === 'B3')?.type).toBe('organization');
  });
});

describe('findEntities: more generalization rules', () => {
  const typeOf = (text: string, name: string) => find(text).find((e) => e.text === name)?.type;

  test.each<[string, string, string, EntityType]>([
    [
      'portfolio list in a ministry name',
      'The Ministry of Health, Labour and Welfare agreed.',
      'Ministry of Health, Labour and Welfare',
      'organization',
    ],
    ['hometown after an age', 'Connor Whitby, 24, of Eccles, attacked him.', 'Eccles', 'place'],
    ['governor of a place', 'Nuevo León Governor Samuel García blamed delays.', 'Nuevo León', 'place'],
    ['Romance facility prefix', 'She filled the Teatro Colón in 1970.', 'Teatro Colón', 'place'],
    ['place appositive', 'Delegates toured Diriyah, the restored old quarter.', 'Diriyah', 'place'],
    [
      "a city's neighbourhood",
      "Rains submerged homes in Nairobi's Mathare and Kibera settlements.",
      'Mathare',
      'place',
    ],
    ['gas field', 'The company operates the Olkaria geothermal fields south of the lake.', 'Olkaria', 'place'],
    [
      'town-named club with "who"',
      'The Kansas City Royals, who also play there, may move.',
      'Kansas City Royals',
      'organization',
    ],
  ])('%s', (_what, text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });

  test('a comma list of names after a ministry is not part of it', () => {
    const names = find('The Department of Energy, Ford and GM met on Monday.').map((e) => e.text);
    expect(names).toEqual(['Department of Energy', 'Ford', 'GM']);
  });

  test('a price is not a "for $15" name', () => {
    const names = find('Schwab agreed to buy regional lender First Horizon for $13 billion.').map((e) => e.text);
    expect(names).toContain('First Horizon');
  });

  test('"known as" gives an alias; short forms join their company or club', () => {
    const water = find('The National Water Commission, known as Conagua, said the aqueduct would open.');
    expect(water.map((e) => e.text)).toEqual(['National Water Commission']);
    const toyota = find('Toyota Motor Corp. will recall cars. Shares of Toyota fell 1.2% in Tokyo.');
    expect(toyota.filter((e) => e.type === 'organization').map((e) => e.text)).toEqual(['Toyota Motor Corp.']);
    const chiefs = find(
      'Kansas wants the Kansas City Chiefs. Chiefs president Mark Donovan said the team would study it.',
    );
    expect(chiefs.filter((e) => /Chiefs/.test(e.text)).map((e) => e.text)).toEqual(['Kansas City Chiefs']);
  });

  test('a list ending in a product word is products', () => {
    const names = find('The recall covers the Camry, RAV4 and Corolla Cross models built in Aichi.').map((e) => e.text);
    expect(names).not.toContain('Camry');
    expect(names).not.toContain('RAV4');
  });

  test('the first word after a dateline is a sentence start', () => {
    const names = find('NAIROBI, Kenya (Reuters) - Floods have killed at least 38 people in Kenya.').map((e) => e.text);
    expect(names).not.toContain('Floods');
  });
});

describe('findEntities: institutions, facilities and national bodies', () => {
  const typeOf = (text: string, name: string) => find(text).find((e) => e.text === name)?.type;

  test.each<[string, string, string, EntityType]>([
    [
      'school used as a location',
      'Homes near Briarwood Elementary School were flattened.',
      'Briarwood Elementary School',
      'place',
    ],
    [
      'church shelter',
      'The charity opened a shelter at First Baptist Church in Moore.',
      'First Baptist Church',
      'place',
    ],
    [
      'body named with its country',
      'Cricket Australia said the second match was sold out.',
      'Cricket Australia',
      'organization',
    ],
    [
      'national branch of a known body',
      'The American Red Cross opened a shelter.',
      'American Red Cross',
      'organization',
    ],
    [
      'research firm',
      'Counterpoint Research analyst Ivan Lam said sales rose.',
      'Counterpoint Research',
      'organization',
    ],
    [
      "possessive inside an 'of' name",
      "The People's Bank of China cut rates.",
      "People's Bank of China",
      'organization',
    ],
  ])('%s', (_what, text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });

  test('a person named after a country stays a person', () => {
    expect(typeOf('Michael Jordan said he would buy the team.', 'Michael Jordan')).toBe('person');
  });

  test('a demonym in front of a known group is another group', () => {
    const names = find(
      "Authorities blamed the Pakistani Taliban. Islamabad accused Afghanistan's Taliban government of sheltering them.",
    ).map((e) => e.text);
    expect(names).toContain('Pakistani Taliban');
    expect(names).toContain('Taliban');
  });
});

describe('findEntities: venues, rivers and tournaments', () => {
  const typeOf = (text: string, name: string) => find(text).find((e) => e.text === name)?.type;

  test.each<[string, string, string, EntityType]>([
    [
      'arena used as a location',
      'Fans protested outside the American Airlines Center on Sunday.',
      'American Airlines Center',
      'place',
    ],
    ['traders at a firm', 'Traders at Olam said supplies could rise.', 'Olam', 'organization'],
    ['British river name', 'The River Severn burst its banks on Tuesday.', 'River Severn', 'place'],
    ['residents of a town at a sentence start', 'Residents of Bewdley were told to leave.', 'Bewdley', 'place'],
    [
      'an office named after a role',
      "The Ombudsman's Office said 24 people were injured.",
      "Ombudsman's Office",
      'organization',
    ],
  ])('%s', (_what, text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });

  test('players in a tennis report stay people; the tournament is not an entity', () => {
    const es = find(
      'Jannik Sinner beat Carlos Alcaraz 6-4, 3-6, 7-5 to win the Australian Open. The Spaniard struggled.',
    );
    expect(es.find((e) => e.text === 'Jannik Sinner')?.type).toBe('person');
    expect(es.find((e) => e.text === 'Carlos Alcaraz')?.type).toBe('person');
    expect(es.map((e) => e.text)).not.toContain('Open');
    expect(es.map((e) => e.text)).not.toContain('Spaniard');
  });
});
