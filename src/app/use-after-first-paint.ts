import { useEffect, useState } from 'react';

/**
 * False until the browser has painted the first render and one frame more, then true (once). For what the first
 * view can do without, so it does not hold up the timeline's first drawing: vis-timeline draws its items in the
 * first animation frame after it is given them, and the work that waits for this runs after that frame is on screen.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return undefined;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setPainted(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [painted]);
  return painted;
}
