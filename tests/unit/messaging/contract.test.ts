// The typed message contract over WXT's fake browser: a content-script message reaches the background's
// handler and the typed reply comes back.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, removeAllListeners, sendMessage } from '../../../utils/messaging';
import { handleArticleSeen } from '../../../utils/db/service';
import { article, freshDb } from '../db/helpers';

describe('message contract', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
  });

  it('round-trips articleSeen through the background handler', async () => {
    const { db } = freshDb();
    onMessage('articleSeen', ({ data }) => handleArticleSeen(db, data));
    const reply = await sendMessage('articleSeen', article());
    expect(reply).toEqual({ ok: true, value: { article: null, annotations: [], corrections: [] } });
  });

  it('a malformed payload gets an error reply', async () => {
    const { db } = freshDb();
    onMessage('articleSeen', ({ data }) => handleArticleSeen(db, data));
    // deliberately wrong at run time, as a hostile sender would do
    const reply = await sendMessage('articleSeen', { url: 42 } as unknown as ReturnType<typeof article>);
    expect(reply.ok).toBe(false);
  });
});
