/**
 * The made-up words and names the library and audit benches fill their saved records with, in one place,
 * and their seeded random source (the robustness corpus's mulberry32), so every run measures the same data.
 */
import { prng } from '../tests/robustness/generate';

/** Common news words, for passages and notes. */
export const WORDS = (
  'the minister said government budget council vote plan river dam flood village water farmers officials ' +
  'report funding agreement talks week year city people police court election health school price energy ' +
  'climate market workers union strike company bank crisis security border region province mayor president ' +
  'committee inquiry evidence witness statement decision policy reform tax debt trade housing transport'
).split(' ');
/** Given names and surnames, for bylines and speakers. */
export const FIRST =
  'Amadou Fatou Jane Olu Ellen Mara Pierre Aiko Lucia Tomas Priya Kwame Sofia Daniel Hana Omar'.split(' ');
export const LAST =
  'Diop Sall Doe Adeyemi Brask Lindqvist Martin Sato Rossi Novak Shah Mensah Garcia Weber Kim Haddad'.split(' ');

/** A seeded random source and a picker over it. */
export function seeded(seed: number): { rand: () => number; pick: <T>(list: readonly T[]) => T } {
  const rand = prng(seed);
  return { rand, pick: (list) => list[Math.floor(rand() * list.length)]! };
}
