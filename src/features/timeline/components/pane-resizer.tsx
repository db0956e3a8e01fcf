/**
 * The handle below the timeline that sets how tall the pane may grow: drag it, or focus it and use ↑/↓
 * (Page Up/Down for bigger steps, Home/End for the smallest and largest). A window splitter in WAI-ARIA's terms.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_FLOOR, PANE_STEP } from '../lib/pane-height.ts';

type Props = {
  /** The cap in pixels. */
  value: number;
  max: number;
  onChange: (cap: number) => void;
  /** The id of the element whose height it sets. */
  controls: string;
};

export function PaneResizer({ value, max, onChange, controls }: Props) {
  const drag = useRef<{ y: number; from: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(PANE_FLOOR, v)));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by: Record<string, number> = {
      ArrowUp: -PANE_STEP,
      ArrowDown: PANE_STEP,
      PageUp: -4 * PANE_STEP,
      PageDown: 4 * PANE_STEP,
      Home: -Infinity,
      End: Infinity,
    };
    const step = by[e.key];
    if (step === undefined) return;
    e.preventDefault();
    onChange(clamp(value + step));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, from: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) onChange(clamp(d.from + e.clientY - d.y));
  };
  const onPointerEnd = () => {
    drag.current = null;
  };

  return (
    <div
      className="pane-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Timeline height"
      aria-controls={controls}
      aria-valuemin={PANE_FLOOR}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`up to ${value} pixels tall`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      <span className="pane-resizer-grip" aria-hidden="true" />
    </div>
  );
}
