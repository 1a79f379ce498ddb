import { useState } from 'react';
import { useI18n } from '../i18n';
import type { ControlProps } from './BoxField';

const parse = (text: string, integer: boolean): number | null | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return (integer ? /^\d+$/ : /^\d+(\.\d*)?$/).test(trimmed) ? Number(trimmed) : undefined;
};

/**
 * A number typed as text, so that "12." can be on its way to "12.5": empty is null, and text that is not a
 * number is said so at once (and saved as empty) rather than silently dropped.
 */
export function NumberInput({
  value,
  onValue,
  integer = false,
  ...control
}: ControlProps & { value: number | null; onValue: (value: number | null) => void; integer?: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [shown, setShown] = useState(value);
  // A value changed elsewhere (a reload) replaces what is typed.
  if (value !== shown) {
    setShown(value);
    setText(value === null ? '' : String(value));
  }
  const wrong = parse(text, integer) === undefined;
  const described = [control['aria-describedby'], wrong ? `${control.id}-number` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <input
        {...control}
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        aria-invalid={wrong || control['aria-invalid'] ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => {
          const parsed = parse(event.target.value, integer) ?? null;
          setText(event.target.value);
          setShown(parsed);
          onValue(parsed);
        }}
      />
      {wrong && (
        <small id={`${control.id}-number`} className="error">
          {integer ? t('application.notAWholeNumber') : t('application.notANumber')}
        </small>
      )}
    </>
  );
}
