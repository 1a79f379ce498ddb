import { useEffect, useState } from 'react';
import type { Organisation, OrganisationKind, Role, Session } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { organisationName } from './names';
import { UsersPanel } from './UsersPanel';

const ROLES_BY_KIND: Record<OrganisationKind, Role[]> = {
  authority: ['customs_admin', 'customs_officer'],
  office: ['customs_officer', 'customs_admin'],
  enterprise: ['enterprise_applicant', 'enterprise_admin'],
  agency: ['agent_staff'],
};

export function Users({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [orgId, setOrgId] = useState('');
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api.listOrganisations().then((page) => setOrganisations(page.items), setError);
  }, []);

  const organisation = organisations.find((candidate) => candidate.id === orgId);
  const offices = organisations.filter((candidate) => candidate.kind === 'office');
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('page.users')}</h1>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      <div className="field">
        <label htmlFor="users-organisation">{t('users.organisation')}</label>
        <select id="users-organisation" value={orgId} onChange={(event) => setOrgId(event.target.value)}>
          <option value="">{t('users.pickOrganisation')}</option>
          {organisations.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {organisationName(candidate, language)} ({t(`kind.${candidate.kind}`)})
            </option>
          ))}
        </select>
      </div>
      {organisation && (
        <UsersPanel
          key={organisation.id}
          orgId={organisation.id}
          roles={ROLES_BY_KIND[organisation.kind]}
          offices={offices}
          currentUserId={session.user.id}
        />
      )}
    </section>
  );
}
