import { useMemo } from 'react';
import { countryChoices, countryName } from '../countries';
import { useI18n } from '../i18n';
import type { ControlProps } from './BoxField';

/**
 * A country chosen by name in the portal's language; the code the certificate uses is shown with it.
 * `emptyLabel` names the empty choice where it means "any country" (a search) rather than "choose one".
 */
export function CountrySelect({
  value,
  onValue,
  countries,
  emptyLabel,
  ...control
}: ControlProps & {
  value: string;
  onValue: (code: string) => void;
  countries: '*' | readonly string[];
  emptyLabel?: string;
}) {
  const { t, language } = useI18n();
  const choices = useMemo(() => countryChoices(countries, language), [countries, language]);
  return (
    <select {...control} value={value} onChange={(event) => onValue(event.target.value)}>
      <option value="">{emptyLabel ?? t('application.pickCountry')}</option>
      {value !== '' && !choices.some((choice) => choice.code === value) && (
        <option value={value}>
          {countryName(value, language)} ({value})
        </option>
      )}
      {choices.map((choice) => (
        <option key={choice.code} value={choice.code}>
          {choice.name} ({choice.code})
        </option>
      ))}
    </select>
  );
}
