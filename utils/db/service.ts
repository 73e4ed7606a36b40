/**
 * The background's message handlers (pure core: database passed in). Each handler takes an untrusted
 * payload, validates it against the contract's schema, and replies with a success-or-error Result;
 * an invalid payload writes nothing.
 */
import {
  AnchorStatusSchema,
  DeleteCorrectionSchema,
  SaveCorrectionSchema,
  SaveSourcingSchema,
  type CorrectionSaved,
  type SourcingSaved,
  ArticleInputSchema,
  SaveAnnotationSchema,
  validate,
  type PageState,
  type Result,
  type Saved,
} from '../messaging/contract';
import { deleteCorrection, saveCorrection, saveSourcing } from './corrections';
import { getPageState, saveAnnotation, setAnchorStatus } from './queries';
import type { SourcelightDB } from './schema';

/** Turns a thrown error into a message a person can act on. */
export function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string } | null;
  const name = e?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(e?.message ?? ''))
    return 'Storage is full: free some space (or delete old articles) and try again.';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError')
    return 'The Sourcelight database is closed or blocked; close other Sourcelight windows and try again.';
  return `Could not save: ${e?.message ?? String(err)}`;
}

async function guarded<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

/** `articleSeen`: what has been saved for this article (nothing is created by a mere visit). */
export async function handleArticleSeen(db: SourcelightDB, data: unknown): Promise<Result<PageState>> {
  const v = validate(ArticleInputSchema, data);
  if (!v.ok) return v;
  return guarded(() => getPageState(db, v.value));
}

/** `saveAnnotation`: stores the annotation and its article in one transaction. */
export async function handleSaveAnnotation(db: SourcelightDB, data: unknown): Promise<Result<Saved>> {
  const v = validate(SaveAnnotationSchema, data);
  if (!v.ok) return v;
  return guarded(() => saveAnnotation(db, v.value));
}

/** `setAnchorStatus`: remembers which annotations were not found in the page. */
export async function handleSetAnchorStatus(db: SourcelightDB, data: unknown): Promise<Result<null>> {
  const v = validate(AnchorStatusSchema, data);
  if (!v.ok) return v;
  return guarded(async () => {
    await setAnchorStatus(db, v.value.found, v.value.orphaned);
    return null;
  });
}

/** `saveCorrection`: stores a reader's correction (its own record; the analysis is never changed). */
export async function handleSaveCorrection(db: SourcelightDB, data: unknown): Promise<Result<CorrectionSaved>> {
  const v = validate(SaveCorrectionSchema, data);
  if (!v.ok) return v;
  return guarded(() => saveCorrection(db, v.value));
}

/** `deleteCorrection`: undoes a correction. */
export async function handleDeleteCorrection(db: SourcelightDB, data: unknown): Promise<Result<null>> {
  const v = validate(DeleteCorrectionSchema, data);
  if (!v.ok) return v;
  return guarded(async () => {
    if (!(await deleteCorrection(db, v.value.id))) throw new Error('that correction was already undone');
    return null;
  });
}

/** `saveSourcing`: stores every claim, the entities and the summary of an article in one transaction. */
export async function handleSaveSourcing(db: SourcelightDB, data: unknown): Promise<Result<SourcingSaved>> {
  const v = validate(SaveSourcingSchema, data);
  if (!v.ok) return v;
  return guarded(() => saveSourcing(db, v.value));
}
