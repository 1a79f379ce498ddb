import { useLayoutEffect, useRef } from 'react';
import type { ControlProps } from './BoxField';

interface CapitalsInputProps extends ControlProps {
  value: string;
  onValue: (value: string) => void;
  /** A text area, for addresses, marks, descriptions and remarks. */
  multiline?: boolean;
  /** The id of a datalist of usual values. */
  list?: string;
}

/**
 * Certificates are written in English capitals: what is typed becomes capitals as it is typed, and the
 * caret stays where it was (replacing the value would otherwise move it to the end).
 */
export function CapitalsInput({ value, onValue, multiline, ...control }: CapitalsInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<[number, number] | null>(null);

  useLayoutEffect(() => {
    const element = input.current ?? area.current;
    if (caret.current && element && element === document.activeElement)
      element.setSelectionRange(caret.current[0], caret.current[1]);
    caret.current = null;
  });

  const change = (element: HTMLInputElement | HTMLTextAreaElement) => {
    const capitals = element.value.toUpperCase();
    if (capitals.length === element.value.length && element.selectionStart !== null)
      caret.current = [element.selectionStart, element.selectionEnd ?? element.selectionStart];
    onValue(capitals);
  };

  return multiline ? (
    <textarea ref={area} rows={3} value={value} onChange={(event) => change(event.target)} {...control} />
  ) : (
    <input ref={input} value={value} onChange={(event) => change(event.target)} {...control} />
  );
}
