/**
 * Site access (issue 8): Firefox lets people withhold an MV3 extension's host permissions, and the reader
 * then never runs. The toolbar popup must say so and offer to ask for access instead of failing silently.
 */
import { e2e } from '../driver.ts';
import { openPopup } from '../helpers.ts';

/** With host permissions withdrawn, the popup shows the site-access notice; with them, it does not. */
export const popupAsksForWithheldSiteAccess = e2e(async ({ driver, expect, skip }) => {
  const popup = await openPopup(driver);
  expect(await popup.evaluate(() => document.querySelector('.site-access') === null), 'no notice when granted').toBe(
    true,
  );
  const removed = await popup.evaluate(async () => {
    type Api = { permissions: { remove(p: { origins: string[] }): Promise<boolean> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    try {
      return await api.permissions.remove({ origins: ['http://*/*', 'https://*/*'] });
    } catch (err) {
      return String(err);
    }
  });
  // Chromium grants manifest host permissions for good (users restrict them in its own settings page)
  if (removed !== true) skip(`this browser does not let an extension withdraw its host permissions (${removed})`);
  await popup.waitFor(() => document.querySelector('.site-access button') !== null, null, {
    message: 'site-access notice after the permission was withdrawn',
  });
  expect((await popup.texts('.site-access button'))[0] ?? '', 'the notice offers to ask for access').toContain(
    'Allow access',
  );
  expect(popup.errors(), 'popup errors').toBe([]);
});
