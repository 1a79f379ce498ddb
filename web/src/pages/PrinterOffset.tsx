import { useEffect, useState } from 'react';
import type { Organisation, PrinterOffset as Offset, Session } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, organisationName } from './names';

const LIMIT_MM = 20;

/**
 * The printer offset of an issuing office for template print (its officers and the customs
 * administration): the correction in millimetres, and the calibration test page to measure it with.
 */
export function PrinterOffset({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const admin = session.user.roles.includes('customs_admin');
  const [offices, setOffices] = useState<Organisation[]>(admin ? [] : session.user.offices);
  const [officeId, setOfficeId] = useState(admin ? '' : (session.user.offices[0]?.id ?? ''));
  const [offset, setOffset] = useState<Offset>();
  const [dx, setDx] = useState('0');
  const [dy, setDy] = useState('0');
  const [typeCode, setTypeCode] = useState('C');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const types = useCertificateTypes(setError);

  useEffect(() => {
    if (admin) api.listOrganisations('office').then((page) => setOffices(page.items), setError);
  }, [admin]);
  useEffect(() => {
    if (!officeId) return;
    api.getPrinterOffset(officeId).then((current) => {
      setOffset(current);
      setDx(String(current.dx));
      setDy(String(current.dy));
    }, setError);
  }, [officeId]);

  const save = async () => {
    setSaving(true);
    setMessage(undefined);
    setError(undefined);
    try {
      const saved = await api.setPrinterOffset(officeId, Number(dx), Number(dy));
      setOffset(saved);
      setDx(String(saved.dx));
      setDy(String(saved.dy));
      setMessage(t('printerOffset.saved', { dx: saved.dx, dy: saved.dy }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="printer-offset-title">
      <h1 id="printer-offset-title">{t('page.printerOffset')}</h1>
      <p>{t('printerOffset.intro')}</p>
      <div className="field inline">
        <label htmlFor="printer-offset-office">{t('printerOffset.office')}</label>
        <select
          id="printer-offset-office"
          value={officeId}
          onChange={(event) => {
            setOfficeId(event.target.value);
            setOffset(undefined);
            setMessage(undefined);
          }}
        >
          <option value="">{t('printerOffset.pickOffice')}</option>
          {offices.map((office) => (
            <option key={office.id} value={office.id}>
              {organisationName(office, language)} ({office.code})
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {officeId && offset && (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <p className="muted">
            {offset.updatedAt
              ? t('printerOffset.lastChange', { time: formatTime(offset.updatedAt, language) })
              : t('printerOffset.never')}
          </p>
          <div className="field">
            <label htmlFor="printer-offset-dx">{t('printerOffset.dx')}</label>
            <input
              id="printer-offset-dx"
              type="number"
              step="0.1"
              min={-LIMIT_MM}
              max={LIMIT_MM}
              required
              aria-describedby="printer-offset-limits"
              value={dx}
              onChange={(event) => setDx(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="printer-offset-dy">{t('printerOffset.dy')}</label>
            <input
              id="printer-offset-dy"
              type="number"
              step="0.1"
              min={-LIMIT_MM}
              max={LIMIT_MM}
              required
              aria-describedby="printer-offset-limits"
              value={dy}
              onChange={(event) => setDy(event.target.value)}
            />
          </div>
          <p id="printer-offset-limits" className="muted">
            {t('printerOffset.limits')}
          </p>
          <button type="submit" disabled={saving}>
            {t('printerOffset.save')}
          </button>
          {message && <Notice kind="success">{message}</Notice>}
          <div className="field">
            <label htmlFor="printer-offset-type">{t('printerOffset.type')}</label>
            <select
              id="printer-offset-type"
              value={typeCode}
              onChange={(event) => setTypeCode(event.target.value)}
            >
              {(types ?? []).map((type) => (
                <option key={type.code} value={type.code}>
                  {type.code}: {localised(type.names, language)}
                </option>
              ))}
            </select>
          </div>
          <p>
            <a href={api.printerTestPageUrl(officeId, typeCode)} target="_blank" rel="noopener noreferrer">
              {t('printerOffset.testPage')}
            </a>
          </p>
        </form>
      )}
    </section>
  );
}
