import type { Role } from './api';
import type { MessageKey } from './i18n';

// The menu, as data: groups named as users know them from the customs portals, items by role.
// Only pages that work are listed.

export type Route =
  | 'applications'
  | 'new-application'
  | 'origin'
  | 'pre-reviews'
  | 'verification-cases'
  | 'supervision'
  | 'notifications'
  | 'sampling-rates'
  | 'certificate-query'
  | 'receipts'
  | 'statistics'
  | 'review-queue'
  | 'auto-approval'
  | 'printer-offset'
  | 'office-seals'
  | 'my-signature'
  | 'enterprise-profile'
  | 'agents'
  | 'seals'
  | 'principals'
  | 'account'
  | 'enterprise-users'
  | 'api-keys'
  | 'my-offices'
  | 'organisations'
  | 'users'
  | 'audit'
  | 'jobs';

export interface NavigationItem {
  route: Route;
  label: MessageKey;
  roles: readonly Role[];
}

export interface NavigationGroup {
  label: MessageKey;
  caption?: MessageKey;
  items: readonly NavigationItem[];
}

export const NAVIGATION: readonly NavigationGroup[] = [
  {
    label: 'nav.enterprise',
    caption: 'nav.enterprise.singleWindow',
    items: [
      {
        route: 'applications',
        label: 'page.applications',
        roles: ['enterprise_admin', 'enterprise_applicant', 'agent_staff'],
      },
      {
        route: 'new-application',
        label: 'page.newApplication',
        roles: ['enterprise_admin', 'enterprise_applicant', 'agent_staff'],
      },
      {
        route: 'certificate-query',
        label: 'page.certificateQuery',
        roles: ['enterprise_admin', 'enterprise_applicant', 'agent_staff'],
      },
      {
        route: 'receipts',
        label: 'page.receipts',
        roles: ['enterprise_admin', 'enterprise_applicant', 'agent_staff'],
      },
      {
        route: 'origin',
        label: 'page.origin',
        roles: ['enterprise_admin', 'enterprise_applicant', 'agent_staff'],
      },
      { route: 'pre-reviews', label: 'page.preReviews', roles: ['enterprise_admin', 'enterprise_applicant'] },
      {
        route: 'verification-cases',
        label: 'page.verification',
        roles: ['enterprise_admin', 'enterprise_applicant', 'agent_staff'],
      },
      {
        route: 'enterprise-profile',
        label: 'page.enterpriseProfile',
        roles: ['enterprise_admin', 'enterprise_applicant'],
      },
      { route: 'agents', label: 'page.agents', roles: ['enterprise_admin'] },
      { route: 'seals', label: 'page.seals', roles: ['enterprise_admin'] },
      { route: 'principals', label: 'page.principals', roles: ['agent_staff'] },
      { route: 'enterprise-users', label: 'page.enterpriseUsers', roles: ['enterprise_admin'] },
      { route: 'api-keys', label: 'page.apiKeys', roles: ['enterprise_admin'] },
    ],
  },
  {
    label: 'nav.customs',
    items: [
      { route: 'review-queue', label: 'page.reviewQueue', roles: ['customs_officer'] },
      { route: 'pre-reviews', label: 'page.preReviewQueue', roles: ['customs_officer'] },
      { route: 'verification-cases', label: 'page.verificationCases', roles: ['customs_officer'] },
      { route: 'origin', label: 'page.origin', roles: ['customs_officer'] },
      { route: 'statistics', label: 'page.statistics', roles: ['customs_officer'] },
      { route: 'supervision', label: 'page.supervision', roles: ['customs_officer'] },
      { route: 'notifications', label: 'page.notifications', roles: ['customs_officer'] },
      { route: 'my-offices', label: 'page.myOffices', roles: ['customs_officer'] },
      { route: 'printer-offset', label: 'page.printerOffset', roles: ['customs_officer'] },
      { route: 'my-signature', label: 'page.mySignature', roles: ['customs_officer'] },
    ],
  },
  {
    label: 'nav.administration',
    items: [
      { route: 'organisations', label: 'page.organisations', roles: ['customs_admin'] },
      { route: 'users', label: 'page.users', roles: ['customs_admin'] },
      { route: 'auto-approval', label: 'page.autoApproval', roles: ['customs_admin'] },
      { route: 'supervision', label: 'page.supervision', roles: ['customs_admin'] },
      { route: 'sampling-rates', label: 'page.samplingRates', roles: ['customs_admin'] },
      { route: 'printer-offset', label: 'page.printerOffset', roles: ['customs_admin'] },
      { route: 'office-seals', label: 'page.officeSeals', roles: ['customs_admin'] },
      { route: 'audit', label: 'page.audit', roles: ['customs_admin'] },
      { route: 'jobs', label: 'page.jobs', roles: ['customs_admin'] },
    ],
  },
  {
    label: 'nav.personal',
    items: [
      {
        route: 'account',
        label: 'page.account',
        roles: [
          'enterprise_admin',
          'enterprise_applicant',
          'agent_staff',
          'customs_officer',
          'customs_admin',
        ],
      },
    ],
  },
];

/** The menu a user with these roles sees: groups without visible items are left out. */
export function navigationFor(roles: readonly Role[]): NavigationGroup[] {
  return NAVIGATION.map((group) => ({
    ...group,
    items: group.items.filter((item) => item.roles.some((role) => roles.includes(role))),
  })).filter((group) => group.items.length > 0);
}

/** The first page a user lands on. */
export function homeRoute(roles: readonly Role[]): Route {
  return navigationFor(roles)[0]?.items[0]?.route ?? 'account';
}
