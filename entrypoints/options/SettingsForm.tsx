/**
 * The settings form (props in, callbacks out): when to analyze, how much to highlight, sites where
 * Sourcelight is off, which categories are highlighted and in which colors.
 */
import { useState } from 'react';
import { CATEGORY_LABELS } from '@/components/panel/Legend';
import { siteKey, type Settings } from '@/utils/settings';
import { DENSITY_LABELS } from '@/utils/settings-labels';

/** Props of `SettingsForm`. */
export interface SettingsFormProps {
  settings: Settings;
  /** "Saved." or an error, announced politely. */
  status: string;
  onChange(next: Settings): void;
  onReset(): void;
}

/** The whole options form. */
export function SettingsForm({ settings, status, onChange, onReset }: SettingsFormProps) {
  const [site, setSite] = useState('');
  const addSite = () => {
    const key = siteKey(site);
    if (!key) return;
    onChange({ ...settings, disabledSites: [...new Set([...settings.disabledSites, key])] });
    setSite('');
  };
  return (
    <main className="options">
      <h1>Sourcelight settings</h1>

      <fieldset>
        <legend>When to analyze</legend>
        <label>
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'auto'}
            onChange={() => onChange({ ...settings, mode: 'auto' })}
          />
          Automatically, on every article page
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'click'}
            onChange={() => onChange({ ...settings, mode: 'click' })}
          />
          Only when I open the panel (toolbar button or Alt+Shift+L)
        </label>
      </fieldset>

      <fieldset>
        <legend>How much to highlight</legend>
        {(
          [
            [
              'sources',
              'quotes and anonymous claims; each person, organization and place once, at its first mention in the text (hover its name in the panel to see every mention)',
            ],
            ['everything', 'every mention of every name'],
            ['off', 'nothing until I open the panel'],
          ] as const
        ).map(([d, what]) => (
          <label key={d}>
            <input
              type="radio"
              name="density"
              value={d}
              checked={settings.density === d}
              onChange={() => onChange({ ...settings, density: d })}
            />
            <strong>{DENSITY_LABELS[d]}</strong>: {what}
          </label>
        ))}
        <p className="hint">Headings, captions and credit or contributor lists are never highlighted as names.</p>
      </fieldset>

      <fieldset>
        <legend>Highlights</legend>
        <table className="cats">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Shown</th>
              <th scope="col">Color</th>
            </tr>
          </thead>
          <tbody>
            {(['person', 'organization', 'place', 'quote', 'anonymous', 'note'] as const).map((c) => (
              <tr key={c}>
                <th scope="row">{CATEGORY_LABELS[c]}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Show ${CATEGORY_LABELS[c].toLowerCase()}`}
                    checked={settings.categories[c]}
                    onChange={(e) =>
                      onChange({ ...settings, categories: { ...settings.categories, [c]: e.target.checked } })
                    }
                  />
                </td>
                <td>
                  <input
                    type="color"
                    aria-label={`Color of ${CATEGORY_LABELS[c].toLowerCase()}`}
                    value={settings.colors[c]}
                    onChange={(e) => onChange({ ...settings, colors: { ...settings.colors, [c]: e.target.value } })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onReset}>
          Reset categories and colors
        </button>
      </fieldset>

      <fieldset>
        <legend>Sites where Sourcelight is off</legend>
        {settings.disabledSites.length === 0 ? (
          <p className="muted">None. You can also turn Sourcelight off from the panel on any site.</p>
        ) : (
          <ul className="sites">
            {settings.disabledSites.map((s) => (
              <li key={s}>
                <span>{s}</span>
                <button
                  type="button"
                  aria-label={`Turn Sourcelight back on for ${s}`}
                  onClick={() =>
                    onChange({ ...settings, disabledSites: settings.disabledSites.filter((x) => x !== s) })
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="add-site"
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <label>
            Site
            <input
              type="text"
              placeholder="example.com"
              value={site}
              onChange={(e) => setSite(e.target.value)}
              spellCheck={false}
            />
          </label>
          <button type="submit">Turn off</button>
        </form>
      </fieldset>

      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
