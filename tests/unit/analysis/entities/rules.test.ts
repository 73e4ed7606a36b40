/**
 * The entity engine's rule tables, table-tested: every rule (chunking, splitting, evidence, stage weights,
 * links, clustering) has a unique `entity.<stage>.<name>` id and an example, and running the engine on the
 * example fires the rule. A rule added without an example, or whose example no longer fires it, fails here.
 */
import { describe, expect, test } from 'vitest';
import { CHUNK_RULES, CHUNK_START } from '../../../../utils/analysis/entities/chunk';
import { CLUSTER_RULES } from '../../../../utils/analysis/entities/cluster';
import { CONTEXT_RULES } from '../../../../utils/analysis/entities/context';
import { findEntities, traceEntities } from '../../../../utils/analysis/entities/index';
import { LINK_RULES } from '../../../../utils/analysis/entities/links';
import { SPLIT_RULES, TRIM_RULES } from '../../../../utils/analysis/entities/refine';
import { EVIDENCE_RULES, STAGE_RULES } from '../../../../utils/analysis/entities/rules';

interface Row {
  table: string;
  id: string;
  example: string;
}

const rows = (table: string, rules: ReadonlyArray<{ id: string; example: string }>): Row[] =>
  rules.map(({ id, example }) => ({ table, id, example }));

const ALL: Row[] = [
  { table: 'chunk', id: CHUNK_START, example: 'Amanda Okafor spoke.' },
  ...rows('context', CONTEXT_RULES),
  ...rows('chunk', CHUNK_RULES),
  ...rows('trim', TRIM_RULES),
  ...rows('split', SPLIT_RULES),
  ...rows('evidence', EVIDENCE_RULES),
  ...rows('stage', STAGE_RULES),
  ...rows('link', LINK_RULES),
  ...rows('cluster', CLUSTER_RULES),
];

describe('entity rule tables', () => {
  test('every rule has a unique, namespaced id and an example', () => {
    const ids = ALL.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL) {
      expect(r.id, r.id).toMatch(/^entity\.[a-z-]+\.[a-z-]+$/);
      expect(r.example.trim().length, `${r.id} has no example`).toBeGreaterThan(0);
    }
  });

  test.each(ALL.map((r) => [r.id, r] as const))('%s fires on its example', (_id, r) => {
    const { fired } = traceEntities(r.example);
    expect([...fired], `"${r.example}"`).toContain(r.id);
  });

  test('every rule id a mention records is declared in a table', () => {
    const declared = new Set(ALL.map((r) => r.id));
    for (const r of ALL)
      for (const e of findEntities(r.example))
        for (const m of e.mentions) for (const id of m.rules ?? []) expect(declared, id).toContain(id);
  });
});

describe('mention rules', () => {
  test('a mention records the rules that found and typed it, in order', () => {
    const [zuckerberg] = findEntities('Facebook CEO Mark Zuckerberg said on Monday.').filter(
      (e) => e.text === 'Mark Zuckerberg',
    );
    expect(zuckerberg?.type).toBe('person');
    const rules = zuckerberg!.mentions[0]!.rules!;
    expect(rules[0]).toBe(CHUNK_START);
    expect(rules).toContain('entity.split.title-person');
    expect(rules).toContain('entity.context.speech-after');
  });

  test('a short form records the cluster rule that joined it to the full name', () => {
    const [okafor] = findEntities('Amanda Okafor spoke on Monday. Later, Okafor said more.');
    expect(okafor?.mentions).toHaveLength(2);
    expect(okafor!.mentions[1]!.rules).toContain('entity.cluster.surname');
  });

  test('a rejected candidate leaves a trace but no mention', () => {
    const { entities, fired } = traceEntities('The damage Hurricane Ian left was vast.');
    expect(entities.map((e) => e.text)).not.toContain('Hurricane Ian');
    expect(fired).toContain('entity.reject.event-first');
  });
});
