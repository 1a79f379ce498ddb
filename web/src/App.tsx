import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Session } from './api';
import { ApiError, api, rememberCsrfToken, whenSessionChanges } from './api';
import type { I18n, Language } from './i18n';
import { I18nContext, initialLanguage, translator } from './i18n';
import type { Route } from './navigation';
import { homeRoute, navigationFor } from './navigation';
import { Account } from './pages/Account';
import { ApiKeys } from './pages/ApiKeys';
import { ApplicationPage } from './pages/ApplicationPage';
import { Applications } from './pages/Applications';
import { AuditTrail } from './pages/AuditTrail';
import { Agents, Principals } from './pages/Agents';
import { AutoApproval } from './pages/AutoApproval';
import { CertificateQuery } from './pages/CertificateQuery';
import { Receipts } from './pages/Receipts';
import { Statistics } from './pages/Statistics';
import { Seals } from './pages/Seals';
import { EnterpriseProfilePage } from './pages/EnterpriseProfile';
import { EnterpriseUsers } from './pages/EnterpriseUsers';
import { Jobs } from './pages/Jobs';
import { Login } from './pages/Login';
import { MyOffices } from './pages/MyOffices';
import { NewApplication } from './pages/NewApplication';
import { OriginEvaluation } from './pages/OriginEvaluation';
import { PreReviewPage } from './pages/PreReviewPage';
import { PreReviews } from './pages/PreReviews';
import { PrinterOffset } from './pages/PrinterOffset';
import { MySignature, OfficeSeals } from './pages/OfficeSeals';
import { organisationName } from './pages/names';
import { Organisations } from './pages/Organisations';
import { ReviewPage } from './pages/ReviewPage';
import { ReviewQueue } from './pages/ReviewQueue';
import { Users } from './pages/Users';
import { SamplingRates } from './pages/SamplingRates';
import { Supervision } from './pages/Supervision';
import { VerificationCasePage } from './pages/VerificationCasePage';
import { VerificationCases } from './pages/VerificationCases';
import { Notifications } from './pages/Notifications';

const routeFromHash = (): string => window.location.hash.replace(/^#\/?/, '');

function Page({
  route,
  session,
  onSessionChanged,
  onReceiptsRead,
}: {
  route: Route;
  session: Session;
  onSessionChanged: () => void;
  onReceiptsRead: () => void;
}) {
  switch (route) {
    case 'applications':
      return <Applications session={session} />;
    case 'new-application':
      return <NewApplication session={session} />;
    case 'certificate-query':
      return <CertificateQuery session={session} />;
    case 'origin':
      return <OriginEvaluation session={session} />;
    case 'pre-reviews':
      return <PreReviews session={session} />;
    case 'verification-cases':
      return <VerificationCases session={session} />;
    case 'supervision':
      return <Supervision session={session} />;
    case 'notifications':
      return <Notifications />;
    case 'sampling-rates':
      return <SamplingRates />;
    case 'receipts':
      return <Receipts session={session} onRead={onReceiptsRead} />;
    case 'statistics':
      return <Statistics session={session} />;
    case 'review-queue':
      return <ReviewQueue session={session} />;
    case 'auto-approval':
      return <AutoApproval />;
    case 'printer-offset':
      return <PrinterOffset session={session} />;
    case 'office-seals':
      return <OfficeSeals />;
    case 'my-signature':
      return <MySignature session={session} />;
    case 'enterprise-profile':
      return (
        <EnterpriseProfilePage
          orgId={session.user.organisation.id}
          canEdit={session.user.roles.includes('enterprise_admin')}
        />
      );
    case 'agents':
      return <Agents session={session} />;
    case 'principals':
      return <Principals />;
    case 'seals':
      return <Seals session={session} />;
    case 'account':
      return <Account session={session} onPasswordChanged={onSessionChanged} />;
    case 'enterprise-users':
      return <EnterpriseUsers session={session} />;
    case 'api-keys':
      return <ApiKeys session={session} />;
    case 'my-offices':
      return <MyOffices session={session} />;
    case 'organisations':
      return <Organisations />;
    case 'users':
      return <Users session={session} />;
    case 'audit':
      return <AuditTrail />;
    case 'jobs':
      return <Jobs />;
  }
}

export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [session, setSession] = useState<Session | null>();
  const [hash, setHash] = useState(routeFromHash);
  const [menuOpen, setMenuOpen] = useState(false);
  /** The unread receipts of the user logged in, for the menu's badge. */
  const [unread, setUnread] = useState<{ userId: string; count: number }>();
  const unreadAsked = useRef(0);
  const main = useRef<HTMLElement>(null);

  const i18n = useMemo<I18n>(
    () => ({
      language,
      t: translator(language),
      setLanguage: (next) => {
        localStorage.setItem('origo.language', next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    const onHashChange = () => {
      setHash(routeFromHash());
      setMenuOpen(false);
      // Screen readers and keyboards continue on the new page, not on the link that led there.
      main.current?.focus({ preventScroll: true });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const adopt = useCallback((next: Session | null) => {
    rememberCsrfToken(next?.csrfToken);
    setSession(next);
  }, []);

  const reloadSession = useCallback(() => {
    api.getSession().then(adopt, (error: unknown) => {
      if (!(error instanceof ApiError && error.status === 401)) console.error(error);
      adopt(null);
    });
  }, [adopt]);

  useEffect(() => {
    reloadSession();
    // An expired session or a login in another tab shows up as a failed call; ask the server who we are.
    whenSessionChanges(reloadSession);
  }, [reloadSession]);

  const logout = async () => {
    await api.logout().catch(() => undefined);
    adopt(null);
    window.location.hash = '';
  };

  const groups = session ? navigationFor(session.user.roles) : [];
  const allowed = groups.flatMap((group) => group.items.map((item) => item.route));
  const userId = session?.user.id;
  const readsReceipts = allowed.includes('receipts');

  // The badge follows the inbox: counted again on every change of page, and after a receipt is read.
  // Only the answer to the latest question counts: an older one may arrive after it.
  const countUnread = useCallback(() => {
    if (!userId || !readsReceipts) return;
    const asked = ++unreadAsked.current;
    api.countUnreadReceipts().then(
      (count) => {
        if (asked === unreadAsked.current) setUnread({ userId, count });
      },
      (error: unknown) => console.error(error),
    );
  }, [userId, readsReceipts]);
  useEffect(() => {
    countUnread();
  }, [countUnread, hash]);
  const unreadCount = unread && unread.userId === userId ? unread.count : 0;

  // Detail pages outside the menu: an officer or administrator viewing one enterprise's information, one
  // certificate application (under the applications list in the menu), and an officer's review of one
  // application (under the review queue).
  const enterpriseDetail = /^enterprise\/([\w-]+)$/.exec(hash)?.[1];
  const applicationDetail = /^applications\/([\w-]+)$/.exec(hash)?.[1];
  const reviewDetail = /^review\/([\w-]+)$/.exec(hash)?.[1];
  const preReviewDetail = /^pre-reviews\/([\w-]+)$/.exec(hash)?.[1];
  const caseDetail = /^verification-cases\/([\w-]+)$/.exec(hash)?.[1];
  const mayViewEnterprises =
    session?.user.roles.some(
      (role) => role === 'customs_officer' || role === 'customs_admin' || role === 'agent_staff',
    ) ?? false;
  const route: Route | undefined = session
    ? (allowed.find((candidate) => candidate === hash) ??
      (session.user.mustChangePassword ? 'account' : homeRoute(session.user.roles)))
    : undefined;
  const showsEnterprise = Boolean(session && enterpriseDetail && mayViewEnterprises);
  const showsApplication = Boolean(session && applicationDetail && allowed.includes('applications'));
  const showsReview = Boolean(session && reviewDetail && allowed.includes('review-queue'));
  const showsPreReview = Boolean(session && preReviewDetail && allowed.includes('pre-reviews'));
  const showsCase = Boolean(session && caseDetail && allowed.includes('verification-cases'));
  const showsDetail = showsEnterprise || showsApplication || showsReview || showsPreReview || showsCase;
  const currentRoute = showsApplication
    ? 'applications'
    : showsReview
      ? 'review-queue'
      : showsPreReview
        ? 'pre-reviews'
        : showsCase
          ? 'verification-cases'
          : route;
  const pageLabel = showsEnterprise
    ? 'page.enterpriseProfile'
    : showsApplication
      ? 'page.application'
      : showsReview
        ? 'page.review'
        : showsPreReview
          ? 'page.preReview'
          : showsCase
            ? 'page.verificationCase'
            : groups.flatMap((group) => group.items).find((item) => item.route === route)?.label;
  const pageTitle = session === null ? t('login.title') : pageLabel ? t(pageLabel) : undefined;

  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t('app.name')}` : t('app.name');
  }, [pageTitle, t]);

  return (
    <I18nContext.Provider value={i18n}>
      <a
        className="skip"
        href="#main"
        onClick={(event) => {
          // The hash is the router's: moving focus must not navigate to a page called "main".
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('skip.toMain')}
      </a>
      <header className="top">
        <div className="brand">
          <strong>{t('app.name')}</strong> <span>{t('app.tagline')}</span>
        </div>
        {session && (
          <div className="who">
            <span>{organisationName(session.user.organisation, language)}</span>
            <span aria-hidden="true">·</span>
            <span>{session.user.displayName}</span>
          </div>
        )}
        <div className="tools">
          <button
            type="button"
            className="secondary"
            aria-label={t('language.switchLabel')}
            onClick={() => i18n.setLanguage(language === 'en' ? 'zh-CN' : 'en')}
          >
            <span lang={language === 'en' ? 'zh-CN' : 'en'}>{t('language.switch')}</span>
          </button>
          {session && (
            <button type="button" className="secondary" onClick={() => void logout()}>
              {t('logout')}
            </button>
          )}
        </div>
      </header>
      <div className="layout">
        {session && (
          <nav aria-label={t('nav.label')} className={menuOpen ? 'open' : undefined}>
            <button
              type="button"
              className="secondary menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="menu-groups"
              onClick={() => setMenuOpen(!menuOpen)}
            >
              {t('nav.menu')}
              {/* On a phone the menu is folded: the count shows on its button too (the link says it in words). */}
              {unreadCount > 0 && (
                <>
                  {' '}
                  <span className="menu-badge" aria-hidden="true">
                    {unreadCount}
                  </span>
                </>
              )}
            </button>
            <div id="menu-groups" className="menu-groups">
              {groups.map((group) => (
                <section key={group.label} className="group">
                  <h2>{t(group.label)}</h2>
                  {group.caption && <p className="caption">{t(group.caption)}</p>}
                  <ul>
                    {group.items.map((item) => (
                      <li key={item.route}>
                        <a
                          href={`#/${item.route}`}
                          aria-current={item.route === currentRoute ? 'page' : undefined}
                          {...(item.route === 'receipts' && unreadCount > 0
                            ? {
                                'aria-label': t('nav.withUnread', {
                                  label: t(item.label),
                                  count: unreadCount,
                                }),
                                title: t('nav.unreadTitle', { count: unreadCount }),
                              }
                            : {})}
                        >
                          {t(item.label)}
                          {item.route === 'receipts' && unreadCount > 0 && (
                            <>
                              {' '}
                              <span className="menu-badge">{unreadCount}</span>
                            </>
                          )}
                        </a>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </nav>
        )}
        <main id="main" tabIndex={-1} ref={main}>
          {session === undefined && <p>{t('common.loading')}</p>}
          {session === null && <Login onLoggedIn={adopt} />}
          {showsEnterprise && enterpriseDetail && (
            <EnterpriseProfilePage key={enterpriseDetail} orgId={enterpriseDetail} canEdit={false} />
          )}
          {session && showsApplication && applicationDetail && (
            <ApplicationPage key={applicationDetail} id={applicationDetail} session={session} />
          )}
          {session && showsReview && reviewDetail && (
            <ReviewPage key={reviewDetail} id={reviewDetail} session={session} />
          )}
          {session && showsPreReview && preReviewDetail && (
            <PreReviewPage key={preReviewDetail} id={preReviewDetail} session={session} />
          )}
          {session && showsCase && caseDetail && (
            <VerificationCasePage key={caseDetail} id={caseDetail} session={session} />
          )}
          {session && route && !showsDetail && (
            <Page
              key={route}
              route={route}
              session={session}
              onSessionChanged={reloadSession}
              onReceiptsRead={countUnread}
            />
          )}
        </main>
      </div>
    </I18nContext.Provider>
  );
}
