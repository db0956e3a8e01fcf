import { useEffect, useRef, useState } from 'react';

type Props = {
  value: string;
  onChange: (q: string) => void;
  /** Called on the first keystroke (to start loading what search needs). */
  onFirstInput?: () => void;
  /** Called on every keystroke with the text typed, before it is sent (to fetch ahead what it will need). */
  onTyping?: (text: string) => void;
  resultCount: number | null;
};

/** Search over labels and excerpts; `/` anywhere focuses it (see the app's keyboard handler). */
export function SearchBox({ value, onChange, onFirstInput, onTyping, resultCount }: Props) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    // Follow the URL (Back, Forward) unless the box holds unsent typing.
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === committed.current) return undefined;
    const t = window.setTimeout(() => {
      committed.current = text;
      onChange(text);
    }, 200);
    return () => window.clearTimeout(t);
  }, [text, onChange]);

  return (
    <div className="search" role="search">
      <label htmlFor="search-input" className="visually-hidden">
        Search events
      </label>
      <input
        id="search-input"
        type="search"
        placeholder="Search events"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          onFirstInput?.();
          onTyping?.(e.target.value);
          setText(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
          }
        }}
        aria-describedby="search-hint"
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
      <span id="search-hint" className="visually-hidden" aria-live="polite">
        {value && resultCount !== null ? `${resultCount} events match` : 'Press slash to search from anywhere'}
      </span>
    </div>
  );
}
