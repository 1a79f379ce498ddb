import type { ReactNode } from 'react';
import type { Finding } from '../api';
import { useI18n } from '../i18n';

/** What a control needs to be tied to its label, hint and findings. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

/** The field rules' findings about one field or box, in the portal's language; warnings look different. */
export function FindingList({ id, findings }: { id?: string; findings: readonly Finding[] }) {
  const { t, language } = useI18n();
  if (findings.length === 0) return null;
  return (
    <ul className="findings" id={id}>
      {findings.map((finding, index) => (
        <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
          <span className="visually-hidden">{t(`finding.${finding.severity}`)}: </span>
          {language === 'zh-CN' ? finding.message.zh : finding.message.en}
        </li>
      ))}
    </ul>
  );
}

/**
 * A labelled control of a certificate box with its hint and the findings about it: errors make the control
 * invalid, and hint and findings describe it for screen readers.
 */
export function BoxField({
  id,
  label,
  hint,
  required,
  findings,
  wide = false,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  required: boolean;
  findings: readonly Finding[];
  /** Takes the whole row (text areas). */
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : '', findings.length ? `${id}-findings` : '']
    .filter(Boolean)
    .join(' ');
  const control: ControlProps = { id };
  if (described) control['aria-describedby'] = described;
  if (findings.some((finding) => finding.severity === 'error')) control['aria-invalid'] = true;
  if (required) control['aria-required'] = true;
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children(control)}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      <FindingList id={`${id}-findings`} findings={findings} />
    </div>
  );
}
