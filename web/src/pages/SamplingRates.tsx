import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { CertificateType, SamplingRate } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/**
 * Random sampling for verification, per certificate type (customs administrators): the share of a type's
 * certificates drawn at issue for a verification case. A type without a rate is not sampled.
 */
export function SamplingRates() {
  const { t } = useI18n();
  const [rates, setRates] = useState<SamplingRate[]>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const onError = useCallback((failure: unknown) => setError(failure), []);
  const types = useCertificateTypes(onError);

  const load = useCallback(async () => {
    try {
      setRates((await api.listSamplingRates()).items);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t('page.samplingRates')}</h1>
      <p className="muted">{t('sampling.intro')}</p>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {(!types || !rates) && error === undefined && <p>{t('common.loading')}</p>}
      {types && rates && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.type')}</th>
                <th scope="col">{t('sampling.rate')}</th>
                <th scope="col">{t('sampling.setAt')}</th>
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <RateRow
                  key={type.code}
                  type={type}
                  rate={rates.find((rate) => rate.typeCode === type.code)}
                  onSaved={async (saved) => {
                    setMessage(t('sampling.saved', { type: saved.typeCode, rate: saved.rate }));
                    setError(undefined);
                    await load();
                  }}
                  onError={(failure) => {
                    setMessage(undefined);
                    setError(failure);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function RateRow({
  type,
  rate,
  onSaved,
  onError,
}: {
  type: CertificateType;
  rate: SamplingRate | undefined;
  onSaved: (saved: { typeCode: string; rate: number }) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t, language } = useI18n();
  const [value, setValue] = useState(String(rate?.rate ?? 0));
  const [error, setError] = useState<unknown>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onSaved(await api.setSamplingRate(type.code, Number(value)));
      setError(undefined);
    } catch (failure) {
      setError(failure);
      onError(failure);
    }
  };
  const id = `sampling-${type.code}`;
  return (
    <tr>
      <th scope="row" className="name">
        {type.code} — {localised(type.names, language)}
      </th>
      <td>
        <form onSubmit={save} className="inline-form">
          <label htmlFor={id}>{t('sampling.rateFor', { type: type.code })}</label>
          <input
            id={id}
            type="number"
            min={0}
            max={100}
            step={0.01}
            value={value}
            aria-invalid={fieldErrorText(t, error, 'rate') ? true : undefined}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="secondary">
            {t('common.save')}
          </button>
        </form>
      </td>
      <td>{rate ? formatTime(rate.setAt, language) : t('sampling.notSampled')}</td>
    </tr>
  );
}
