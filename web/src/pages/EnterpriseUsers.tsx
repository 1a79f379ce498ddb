import type { Session } from '../api';
import { useI18n } from '../i18n';
import { UsersPanel } from './UsersPanel';

export function EnterpriseUsers({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="enterprise-users-title">
      <h1 id="enterprise-users-title">{t('page.enterpriseUsers')}</h1>
      <UsersPanel
        orgId={session.user.organisation.id}
        roles={['enterprise_applicant', 'enterprise_admin']}
        offices={[]}
        currentUserId={session.user.id}
      />
    </section>
  );
}
