import { useCallback, useRef, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

/** Short messages at the bottom of the window; errors stay until dismissed, notes fade. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const toast = useCallback(
    (message: string, tone: Toast['tone'] = 'info') => {
      const id = ++next.current;
      setToasts((t) => [...t.slice(-3), { id, message, tone }]);
      if (tone === 'info') setTimeout(() => dismiss(id), 3500);
    },
    [dismiss],
  );
  return { toasts, toast, dismiss };
}

export function Toasts({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss(id: number): void }) {
  return (
    <div className="cs-toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`cs-toast cs-toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
          <span>{t.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
