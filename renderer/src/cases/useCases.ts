import { useCallback, useEffect, useState } from 'react';
import type { Client } from '../../../common/api';
import type { CaseSummary } from '../../../common/domain';
import { errorMessage } from '../api/client';
import type { Toast } from '../workflow/useWriter';

const LAST_CASE_KEY = 'claimscope.lastCase';
/** useLibrary's key: the window reopens the case or the document, whichever was on the desk last. */
const LAST_DOC_KEY = 'claimscope.lastDocument';

/** The library's cases: listed at start, after each filing change; the case on the desk, remembered across launches. */
export function useCases({ client, toast }: { client: Client; toast: Toast }) {
  const [cases, setCases] = useState<readonly CaseSummary[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);

  const refresh = useCallback(async () => {
    try {
      const { cases: list } = await client.listCases({});
      setCases(list);
      return list;
    } catch (err) {
      toast(errorMessage(err), 'error');
      return null;
    }
  }, [client, toast]);

  useEffect(() => {
    void (async () => {
      const list = await refresh();
      const last = Number(localStorage.getItem(LAST_CASE_KEY));
      if (last > 0 && list?.some((c) => c.id === last)) setOpenId(last);
    })();
  }, [refresh]);

  const open = useCallback((id: number | null) => {
    setOpenId(id);
    if (id === null) localStorage.removeItem(LAST_CASE_KEY);
    else {
      localStorage.setItem(LAST_CASE_KEY, String(id));
      localStorage.removeItem(LAST_DOC_KEY);
    }
  }, []);

  /** Runs a filing change (create, rename, delete…); the list is read again after it. False (and the error shown) when it failed. */
  const file = useCallback(
    async <T,>(run: () => Promise<T>): Promise<T | null> => {
      try {
        const result = await run();
        await refresh();
        return result;
      } catch (err) {
        toast(errorMessage(err), 'error');
        return null;
      }
    },
    [refresh, toast],
  );

  return { cases, openId, open, refresh, file };
}
