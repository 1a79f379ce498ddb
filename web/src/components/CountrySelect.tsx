import { useMemo } from 'react';
import { countryChoices, countryName } from '../countries';
import { useI18n } from '../i18n';
import type { ControlProps } from './BoxField';

/** A country chosen by name in the portal's language; the code the certificate uses is shown with it. */
export function CountrySelect({
  value,
  onValue,
  countries,
  ...control
}: ControlProps & { value: string; onValue: (code: string) => void; countries: '*' | readonly string[] }) {
  const { t, language } = useI18n();
  const choices = useMemo(() => countryChoices(countries, language), [countries, language]);
  return (
    <select {...control} value={value} onChange={(event) => onValue(event.target.value)}>
      <option value="">{t('application.pickCountry')}</option>
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
