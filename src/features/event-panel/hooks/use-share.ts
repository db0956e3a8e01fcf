import { useCallback, useEffect, useRef, useState } from 'react';

export type ShareStatus = 'idle' | 'shared' | 'copied' | 'failed';

/** Shares a link with the Web Share API where the device offers it, else copies it to the clipboard. */
export function useShare() {
  const [status, setStatus] = useState<ShareStatus>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = useCallback((s: ShareStatus) => {
    setStatus(s);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus('idle'), 4000);
  }, []);

  const share = useCallback(
    async (url: string, title: string) => {
      const data = { url, title };
      const coarse = window.matchMedia?.('(pointer: coarse)').matches ?? false;
      if (coarse && typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true)) {
        try {
          await navigator.share(data);
          show('shared');
          return;
        } catch (e) {
          if (e instanceof DOMException && e.name === 'AbortError') return;
        }
      }
      try {
        await navigator.clipboard.writeText(url);
        show('copied');
      } catch {
        show(copyWithSelection(url) ? 'copied' : 'failed');
      }
    },
    [show],
  );

  return { share, status };
}

/** The old way, for browsers without the async clipboard (insecure origins). */
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
