import { useEffect, useState } from 'react';
import type { AutoApprovalSetting, Organisation } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { localised, useCertificateTypes } from '../certificate-types';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, organisationName } from './names';

/**
 * Automatic approval per issuing office and certificate type (customs administration): with it on, an
 * application of that type passing every automated check is approved without an officer, marked automatic.
 */
export function AutoApproval() {
  const { t, language } = useI18n();
  const [offices, setOffices] = useState<Organisation[]>();
  const [officeId, setOfficeId] = useState('');
  const [settings, setSettings] = useState<AutoApprovalSetting[]>();
  /** The switch being saved, shown in its new position until the server answers (back on a failure). */
  const [saving, setSaving] = useState<{ typeCode: string; autoApprove: boolean }>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const types = useCertificateTypes(setError);

  useEffect(() => {
    api.listOrganisations('office').then((page) => setOffices(page.items), setError);
  }, []);
  useEffect(() => {
    if (!officeId) return;
    api.listAutoApproval(officeId).then((page) => setSettings(page.items), setError);
  }, [officeId]);

  const office = offices?.find((candidate) => candidate.id === officeId);

  const change = async (typeCode: string, autoApprove: boolean) => {
    setSaving({ typeCode, autoApprove });
    setMessage(undefined);
    setError(undefined);
    try {
      const saved = await api.setAutoApproval(officeId, typeCode, autoApprove);
      setSettings((previous) => [
        ...(previous ?? []).filter((setting) => setting.typeCode !== typeCode),
        saved,
      ]);
      setMessage(
        t(autoApprove ? 'autoApproval.savedOn' : 'autoApproval.savedOff', {
          type: typeCode,
          office: office ? organisationName(office, language) : '',
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(undefined);
    }
  };

  return (
    <section aria-labelledby="auto-approval-title">
      <h1 id="auto-approval-title">{t('page.autoApproval')}</h1>
      <p>{t('autoApproval.intro')}</p>
      <div className="field inline">
        <label htmlFor="auto-approval-office">{t('autoApproval.office')}</label>
        <select
          id="auto-approval-office"
          value={officeId}
          onChange={(event) => {
            setOfficeId(event.target.value);
            setSettings(undefined);
            setMessage(undefined);
          }}
        >
          <option value="">{t('autoApproval.pickOffice')}</option>
          {(offices ?? []).map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {organisationName(candidate, language)} ({candidate.code})
            </option>
          ))}
        </select>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {officeId && (!settings || !types) && error === undefined && <p>{t('common.loading')}</p>}
      {officeId && settings && types && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('applications.type')}</th>
                <th scope="col">{t('autoApproval.automatic')}</th>
                <th scope="col">{t('autoApproval.lastChange')}</th>
              </tr>
            </thead>
            <tbody>
              {types.map((type) => {
                const setting = settings.find((candidate) => candidate.typeCode === type.code);
                const on =
                  saving?.typeCode === type.code ? saving.autoApprove : (setting?.autoApprove ?? false);
                return (
                  <tr key={type.code}>
                    <th scope="row" className="name">
                      {type.code}
                      <div className="muted">{localised(type.names, language)}</div>
                    </th>
                    <td>
                      <label className="choice">
                        <input
                          type="checkbox"
                          role="switch"
                          checked={on}
                          disabled={saving !== undefined}
                          aria-label={t('autoApproval.switch', { type: type.code })}
                          onChange={(event) => void change(type.code, event.target.checked)}
                        />
                        <span aria-hidden="true">{on ? t('autoApproval.on') : t('autoApproval.off')}</span>
                      </label>
                    </td>
                    <td>
                      {setting
                        ? `${setting.updatedBy} · ${formatTime(setting.updatedAt, language)}`
                        : t('autoApproval.never')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
