import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { HsEntry } from '../api';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { ControlProps } from './BoxField';

const DIGITS = /^[\d.\s]*$/;

/**
 * The HS code of a goods item: type the code (dots and spaces are dropped) or words of the description,
 * and choose from HS 2022 as you type. Words only search; the item keeps its code until one is chosen.
 * A heading (4 digits) leads on to its subheadings. The chosen code's description is shown below.
 */
export function HsCodeInput({
  value,
  onValue,
  ...control
}: ControlProps & { value: string; onValue: (code: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [results, setResults] = useState<{ query: string; items: HsEntry[] }>({ query: '', items: [] });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const ticket = useRef(0);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  // Longer national codes (8 or 10 digits) are found by their HS subheading.
  const query = /^\d{7,}$/.test(text.trim()) ? text.trim().slice(0, 6) : text.trim();
  useEffect(() => {
    if (query.length < 2) return;
    const mine = ++ticket.current;
    const timer = setTimeout(() => {
      api.searchHsCodes(query).then(
        (page) => {
          if (mine !== ticket.current) return;
          setResults({ query, items: page.items });
          setActive(-1);
        },
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  const current = results.query === query && query.length >= 2 ? results.items : [];
  const expanded = open && current.length > 0;
  const chosen = current.find((entry) => entry.code === value.slice(0, 6) && /^\d{6,10}$/.test(value));
  const listId = `${control.id}-options`;
  const described = [control['aria-describedby'], chosen ? `${control.id}-description` : '']
    .filter(Boolean)
    .join(' ');

  const type = (raw: string) => {
    setOpen(true);
    if (DIGITS.test(raw)) {
      const code = raw.replace(/[.\s]/g, '');
      setText(code);
      setShown(code);
      onValue(code);
    } else setText(raw);
  };
  const pick = (entry: HsEntry) => {
    setText(entry.code);
    setShown(entry.code);
    onValue(entry.code);
    // A heading is a step on the way: show its subheadings.
    setOpen(entry.level < 6);
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((previous) => Math.min(Math.max(previous + step, 0), current.length - 1));
    } else if (event.key === 'Enter' && expanded && current[active]) {
      event.preventDefault();
      pick(current[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input
        {...control}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={described || undefined}
        value={text}
        onChange={(event) => type(event.target.value)}
        onKeyDown={keyDown}
        onBlur={() => {
          setOpen(false);
          if (!DIGITS.test(text)) setText(value);
        }}
      />
      <ul id={listId} role="listbox" className="options" hidden={!expanded}>
        {current.map((entry, index) => (
          <li
            key={entry.code}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={entry.level < 6 ? 'heading' : undefined}
            // Keep the focus in the box: a click must not blur it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(entry)}
          >
            <code>{entry.code}</code> {entry.description}
          </li>
        ))}
      </ul>
      {open && results.query === query && query.length >= 2 && current.length === 0 && (
        <small className="hint" role="status">
          {t('application.hsNoMatch', { query: text.trim() })}
        </small>
      )}
      {chosen && (
        <small id={`${control.id}-description`} className="hs-chosen">
          {chosen.description}
        </small>
      )}
    </div>
  );
}
