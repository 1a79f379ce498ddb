import { useEffect, useState } from 'react';
import type { Organisation, Session } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';

export function MyOffices({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [organisations, setOrganisations] = useState<Organisation[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api.listOrganisations().then((page) => setOrganisations(page.items), setError);
  }, []);

  const offices = session.user.offices;
  return (
    <section aria-labelledby="my-offices-title">
      <h1 id="my-offices-title">{t('page.myOffices')}</h1>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {offices.length === 0 && <p>{t('offices.none')}</p>}
      {offices.map((office) => {
        const affiliated = (organisations ?? []).filter(
          (organisation) => organisation.parentId === office.id,
        );
        return (
          <article key={office.id} className="card">
            <h2>
              {organisationName(office, language)} <span className="muted">{office.code}</span>
            </h2>
            <h3>{t('offices.affiliated')}</h3>
            {!organisations && <p>{t('common.loading')}</p>}
            {organisations && affiliated.length === 0 && <p>{t('common.none')}</p>}
            {affiliated.length > 0 && (
              <ul>
                {affiliated.map((organisation) => (
                  <li key={organisation.id}>
                    {organisation.kind === 'enterprise' ? (
                      <a
                        href={`#/enterprise/${organisation.id}`}
                        aria-label={t('offices.viewProfile', {
                          name: organisationName(organisation, language),
                        })}
                      >
                        {organisationName(organisation, language)}
                      </a>
                    ) : (
                      organisationName(organisation, language)
                    )}{' '}
                    <span className="muted">
                      ({t(`kind.${organisation.kind}`)}, {organisation.code ?? '—'})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </article>
        );
      })}
    </section>
  );
}
