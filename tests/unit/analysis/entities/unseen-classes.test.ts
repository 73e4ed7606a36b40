/**
 * Issue 13, error class 8 (entity precision and recall on unseen pages), one made-up case per construction:
 * family words and numbers are not names, credit lines are masked, streets, shops and hospitals are places,
 * long personal names stay people, and an institution's building speaks as the institution. Each row names
 * the entities that must be found (with their type) and the names that must not be entities.
 */
import { describe, expect, test } from 'vitest';
import { findEntities } from '../../../../utils/analysis/entities/index';

interface Case {
  /** What the row checks. */
  name: string;
  text: string;
  /** Entities that must be found: "Type:Canonical name". */
  found: string[];
  /** Names that must not be an entity's canonical text or a mention. */
  absent: string[];
  /** Names that may be mentions of a longer entity but must not be entities of their own. */
  notEntity?: string[];
}

const CASES: Case[] = [
  {
    name: 'kinship words alone are not names',
    text: 'Later Grandma told us that Dad and Mom had met there. "Thank you, Mama," he wrote.',
    found: [],
    absent: ['Grandma', 'Dad', 'Mom', 'Mama'],
  },
  {
    name: 'a kinship word before a given name is a title',
    text: 'When we visited, Grandpa Joe showed us the barn, and Aunt Bea baked bread.',
    found: ['person:Joe', 'person:Bea'],
    absent: ['Grandpa Joe', 'Grandpa'],
  },
  {
    name: 'a capitalized common noun whose plural the article writes in lowercase is not a name',
    text: 'Bulldozer crews arrived. Neighbors watched the Bulldozer as more bulldozers rolled in.',
    found: [],
    absent: ['Bulldozer'],
  },
  {
    name: 'a newsroom label in capitals is not a name',
    text: 'BREAKING NEWS: Floods hit Clanton.\nLIVE UPDATES — The river rose.',
    found: [],
    absent: ['BREAKING NEWS', 'LIVE UPDATES'],
  },
  {
    name: 'a bare number is not an organization',
    text: 'About 350 people attended the vigil in Clanton on Dec. 3.',
    found: ['place:Clanton'],
    absent: ['350', 'Dec'],
  },
  {
    name: 'an all-caps lead-in is typography',
    text: 'A HIGH-powered delegation from Lumen Robotics arrived in Boston.',
    found: ['organization:Lumen Robotics', 'place:Boston'],
    absent: ['HIGH-powered', 'HIGH'],
  },
  {
    name: 'a contributor credit line is masked',
    text: 'The mayor spoke on Monday.\nReporting was contributed by Dana Reyes, Marcus Hill and Priya Anand.',
    found: [],
    absent: ['Dana Reyes', 'Marcus Hill', 'Priya Anand'],
  },
  {
    name: 'a "contributors:" roll is masked',
    text: 'The mayor spoke on Monday.\nContributors: Dana Reyes, Tomas Reyna, Liu Wei and Sara Okafor',
    found: [],
    absent: ['Dana Reyes', 'Tomas Reyna', 'Liu Wei', 'Sara Okafor'],
  },
  {
    name: 'a newsletter prompt is masked',
    text: 'The mayor spoke on Monday.\n[What you need to know: Get Zorvex Today in your inbox.]',
    found: [],
    absent: ['Zorvex Today', 'Zorvex'],
  },
  {
    name: 'a sentence that starts like a credit is not one',
    text: 'Research by Harvard economists found that Boston grew.',
    found: ['organization:Harvard', 'place:Boston'],
    absent: [],
  },
  {
    name: 'an ordinal street is a place',
    text: 'The fire started on West 12th Street, and crews on 42nd St. waited.',
    found: ['place:West 12th Street', 'place:42nd St.'],
    absent: ['West'],
  },
  {
    name: 'a shop named with a possessive is one place',
    text: "The fire spread from Kim's Diner to Joe's Pizza on Maple Avenue.",
    found: ["place:Kim's Diner", "place:Joe's Pizza", 'place:Maple Avenue'],
    absent: ['Kim', 'Diner', 'Joe', 'Pizza'],
  },
  {
    name: 'a hospital named after a saint is one place',
    text: "She was taken to St. Luke's Hospital, later to St. Mary's Medical Center, then to Mercy Hospital.",
    found: ["place:St. Luke's Hospital", "place:St. Mary's Medical Center", 'place:Mercy Hospital'],
    absent: ['St. Luke'],
  },
  {
    name: 'a person with five name words is a person',
    text: 'Mary Ellen Van Buren Smith told reporters the plan was sound.',
    found: ['person:Mary Ellen Van Buren Smith'],
    absent: [],
  },
  {
    name: 'a given name that is also a town starts a personal name',
    text: '"Keep calm," said Milton Velez, the agency\'s district supervisor.',
    found: ['person:Milton Velez'],
    absent: [],
  },
  {
    name: 'a surname that is a place head stays a surname',
    text: 'Marcus Hill, Priya Anand and Liu Wei met on Monday.',
    found: ['person:Marcus Hill', 'person:Priya Anand', 'person:Liu Wei'],
    absent: [],
  },
  {
    name: "a lawmaker's party-state tag names the state",
    text: 'Rep. Dana Reyes, R-Utah, did not respond.',
    found: ['person:Dana Reyes', 'place:Utah'],
    absent: ['R-Utah'],
  },
  {
    name: 'a known region of compass words is not generic',
    text: 'The envoy toured the Middle East and Central America.',
    found: ['place:Middle East', 'place:Central America'],
    absent: [],
  },
  {
    name: 'a descriptive field after "of" stays inside the organization',
    text: 'The Zorvex Council of Medical Research said. In an emergency, the City Office of Emergency Management warns residents.',
    found: ['organization:Zorvex Council of Medical Research'],
    absent: ['Medical Research', 'Emergency Management'],
  },
  {
    name: 'a law named with an organization word is a law',
    text: 'The Investment Company Act of 1940 applies to the fund.',
    found: [],
    absent: ['Investment Company Act'],
  },
  {
    name: "an office named by a -General title is an organization, and so is the title's owner",
    text: 'The Inspector-General of Zorvex and Quill will get a copy, said Lumen Federal Police Commissioner Dana Reyes.',
    found: [
      'organization:Inspector-General of Zorvex and Quill',
      'organization:Lumen Federal Police',
      'person:Dana Reyes',
    ],
    absent: ['Zorvex', 'Lumen Federal'],
  },
  {
    name: 'an advocacy group "X for Y" is one organization',
    text: 'The mayor was criticized by Citizens for Zorvex Reform and Ethics, a watchdog group.',
    found: ['organization:Citizens for Zorvex Reform and Ethics'],
    absent: ['Zorvex Reform'],
  },
  {
    name: 'a seat of power that speaks is its institution; a room is a place',
    text: 'Reyes sat in the Oval Office. The White House said she was wrong. White House officials agreed.',
    found: ['place:Oval Office', 'organization:White House'],
    absent: [],
  },
  {
    name: '"the House" in a story about Congress is the chamber; a chamber opens a committee name',
    text: 'Rep. Dana Reyes, the second-ranking Democrat in the House, sits on the House Oversight and Zorvex Reform Committee.',
    found: ['organization:House', 'organization:House Oversight and Zorvex Reform Committee'],
    absent: ['Zorvex Reform Committee'],
  },
  {
    name: 'a public building named by generic words is a place',
    text: 'The flag flew in front of the State House. Later, at the Town Hall, they met.',
    found: ['place:State House', 'place:Town Hall'],
    absent: [],
  },
  {
    name: 'kinship titles leave other names alone',
    text: 'Mother Teresa spoke. Later Grandpa Joe left.',
    found: ['person:Mother Teresa', 'person:Joe'],
    absent: ['Teresa'],
  },
  {
    name: 'a statistics table is masked',
    text: 'Cases by district:\n\nZorvex 40\n\nQuillby 32\n\nMarrow 28\n\nDenton 23\n\nFallow 17\n\nPatan 15\n\nNorbury 12\n\nKestrel 11\n\nThe mayor of Clanton spoke.',
    found: ['place:Clanton'],
    absent: ['Zorvex', 'Quillby', 'Kestrel'],
  },
  {
    name: 'a house outside politics is no organization',
    text: 'The family sold the House last year.',
    found: [],
    absent: ['House'],
  },
  {
    name: 'the complement of "Department of X Y" is a short form of it',
    text: 'The Department of Zorvex Protection said. Zorvex Protection officials said the department fixed it.',
    found: ['organization:Department of Zorvex Protection'],
    absent: [],
    notEntity: ['Zorvex Protection'],
  },
  {
    name: 'a regional Federal Reserve bank is an organization (entity.gazetteer.regional-fed)',
    text: 'Economists at the Dallas Fed and the New York Fed said growth slowed.',
    found: ['organization:Dallas Fed', 'organization:New York Fed'],
    absent: [],
  },
  {
    name: 'a masthead joined by "and" is one newspaper (entity.chunk.masthead-and)',
    text: 'The story was first reported by the Post and Courier, and later by the Press and Sun-Bulletin.',
    found: ['organization:Post and Courier', 'organization:Press and Sun-Bulletin'],
    absent: ['Post', 'Courier'],
  },
  {
    name: 'a church entered is a place (entity.context.facility, facility-entry)',
    text: 'The gunman entered Zorvex African Methodist Episcopal Church on the evening of June 17.',
    found: ['place:Zorvex African Methodist Episcopal Church'],
    absent: [],
  },
  {
    name: "a chamber's party members name the chamber (entity.trim.party-members, chamber-party)",
    text: 'Rep. Dana Reyes spoke. In interviews, House and Senate Democrats backed the plan. Senate Republicans did not.',
    found: ['organization:House', 'organization:Senate'],
    absent: ['Senate Democrats', 'Senate Republicans'],
  },
  {
    name: 'a describing adjective before an organization is stripped (entity.trim.descriptor)',
    text: 'Onetime Federal Reserve governor Dana Reyes spoke. Longtime Lumen Robotics executive Marcus Hill left.',
    found: ['organization:Federal Reserve', 'organization:Lumen Robotics', 'person:Dana Reyes'],
    absent: ['Onetime Federal Reserve', 'Longtime Lumen Robotics'],
  },
  {
    name: 'a sentence-initial role noun is not part of the name (entity.trim.role-noun)',
    text: 'Economist Dana Okafor agreed. Okafor said cuts were near.',
    found: ['person:Dana Okafor'],
    absent: ['Economist Dana Okafor'],
  },
  {
    name: "a person's campaign does not make the person an organization (entity.context.org-after)",
    text: "Mayor Dana Reyes spoke. Later, Reyes's campaign said Reyes would win.",
    found: ['person:Dana Reyes'],
    absent: [],
  },
  {
    name: 'a rule or standard joined by "and" is a document (entity.chunk.and-document, entity.reject.regulation)',
    text: "The agency's Mercury and Air Zorvex Standards rule forced plants to close.",
    found: [],
    absent: ['Mercury', 'Air Zorvex Standards', 'Mercury and Air Zorvex Standards'],
  },
  {
    name: "a brand's product tier is a product (entity.reject.product-tier)",
    text: 'Act on the news with Reuters Pro, the service said.',
    found: [],
    absent: ['Reuters Pro'],
  },
  {
    name: 'a research lab is an organization (entity.name.lab)',
    text: 'Dana Reyes is a senior fellow at the Zorvex Hiring Lab.',
    found: ['organization:Zorvex Hiring Lab', 'person:Dana Reyes'],
    absent: [],
  },
  {
    name: "a writer named by an outlet's possessive is a person (entity.context.outlet-possessive)",
    text: "HOLIDAY SALES — WaPo's Abha Quillfeather: Retailers are worried.",
    found: ['person:Abha Quillfeather'],
    absent: [],
  },
  {
    name: 'a seat of power with administrations is its institution; a city part names a place',
    text: 'Two White House administrations tried to hide it. A shop in downtown Zorvex closed.',
    found: ['organization:White House', 'place:Zorvex'],
    absent: [],
  },
  {
    name: 'utility companies are organizations; an inventor with a given name stays a person (entity.name.utility)',
    text: 'Customers of Zorvex Utilities and Commonwealth Edison lost power, and Lumen Power said. Thomas Edison invented it.',
    found: [
      'organization:Zorvex Utilities',
      'organization:Commonwealth Edison',
      'organization:Lumen Power',
      'person:Thomas Edison',
    ],
    absent: [],
  },
  {
    name: 'the surname of a named person stays a person where firms sit (entity.type.named-person)',
    text: "The firm's founder, Marcus Quill, spoke. Shares of Quill rose. Shares of Quill fell. Shares of Quill rallied.",
    found: ['person:Marcus Quill'],
    absent: [],
  },
  {
    name: 'credit lines led by "Written by", "Edited by", "Photos by" are masked (credit-verbs)',
    text: 'The mayor spoke on Monday.\nWritten by Dana Reyes. Edited by Marcus Hill.\nPhotos by Priya Anand',
    found: [],
    absent: ['Dana Reyes', 'Marcus Hill', 'Priya Anand'],
  },
];

const names = (text: string): { typed: Set<string>; any: Set<string>; canon: Set<string> } => {
  const typed = new Set<string>();
  const any = new Set<string>();
  const canon = new Set<string>();
  for (const e of findEntities(text)) {
    typed.add(`${e.type}:${e.text}`);
    canon.add(e.text);
    any.add(e.text);
    for (const m of e.mentions) any.add(m.text);
  }
  return { typed, any, canon };
};

describe('entity error classes on unseen pages (issue 13, class 8)', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { typed, any, canon } = names(c.text);
    for (const f of c.found) expect([...typed], f).toContain(f);
    for (const a of c.absent) expect([...any], a).not.toContain(a);
    for (const a of c.notEntity ?? []) expect([...canon], a).not.toContain(a);
  });
});
