/**
 * Options page (glue): loads the settings from extension storage, renders the form, saves every change at
 * once (the content scripts watch the same item and react without a reload).
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/utils/settings';
import { SettingsForm } from './SettingsForm';
import '@/assets/page.css';
import './style.css';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return <p className="muted">Loading…</p>;
  const change = (next: Settings) => {
    setSettings(next);
    saveSettings(next).then(
      () => setStatus('Saved.'),
      (err: Error) => setStatus(`Could not save: ${err.message}`),
    );
  };
  return (
    <SettingsForm
      settings={settings}
      status={status}
      onChange={change}
      onReset={() => change({ ...DEFAULT_SETTINGS, disabledSites: settings.disabledSites })}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
