import { useCallback, useEffect, useState } from 'react';
import type { Client } from '../../../common/api';
import type { Settings } from '../../../common/domain';
import { errorMessage } from '../api/client';

export interface SettingsApi {
  /** null while loading. */
  settings: Settings | null;
  error: string | null;
  /** Saves the settings given; resolves to the stored settings, or null when it failed. */
  save(patch: Partial<Settings>): Promise<Settings | null>;
}

/** The analyst's settings (their name on every report), loaded when `active` turns true. */
export function useSettings(client: Client, active = true): SettingsApi {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    client.getSettings({}).then(
      (r) => live && (setSettings(r.settings), setError(null)),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [client, active]);
  const save = useCallback(
    async (patch: Partial<Settings>) => {
      try {
        const r = await client.updateSettings(patch);
        setSettings(r.settings);
        setError(null);
        return r.settings;
      } catch (err) {
        setError(errorMessage(err));
        return null;
      }
    },
    [client],
  );
  return { settings, error, save };
}
