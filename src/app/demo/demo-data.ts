import type { OrganisationKind, Role } from '../../domain/roles.js';

/**
 * The demo world: one issuing authority, four directly affiliated customs offices, three exporting
 * enterprises, one customs brokerage, and a user for every role. The enterprises are fictitious; their
 * USCCs carry valid GB 32100 check characters. Office codes are the customs district codes.
 */
export const DEMO_PASSWORD = 'origo-demo-2026';

export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  parent: string | null;
  code: string;
  nameEn: string;
  nameZh: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'gacc',
    kind: 'authority',
    parent: null,
    code: 'GACC',
    nameEn: "General Administration of Customs of the People's Republic of China",
    nameZh: '中华人民共和国海关总署',
  },
  {
    key: 'shanghai',
    kind: 'office',
    parent: 'gacc',
    code: '2200',
    nameEn: 'Shanghai Customs',
    nameZh: '上海海关',
  },
  {
    key: 'ningbo',
    kind: 'office',
    parent: 'gacc',
    code: '3100',
    nameEn: 'Ningbo Customs',
    nameZh: '宁波海关',
  },
  {
    key: 'shenzhen',
    kind: 'office',
    parent: 'gacc',
    code: '5300',
    nameEn: 'Shenzhen Customs',
    nameZh: '深圳海关',
  },
  {
    key: 'qingdao',
    kind: 'office',
    parent: 'gacc',
    code: '4200',
    nameEn: 'Qingdao Customs',
    nameZh: '青岛海关',
  },
  {
    key: 'everbright',
    kind: 'enterprise',
    parent: 'shanghai',
    code: '91310115MA1K4B2X7G',
    nameEn: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
    nameZh: '上海光大纺织有限公司',
  },
  {
    key: 'harbour',
    kind: 'enterprise',
    parent: 'ningbo',
    code: '91330206MA2H3C8N52',
    nameEn: 'NINGBO HARBOUR HOME APPLIANCES CO., LTD.',
    nameZh: '宁波港湾家电有限公司',
  },
  {
    key: 'pearl',
    kind: 'enterprise',
    parent: 'shenzhen',
    code: '91440300MA5F7D1R21',
    nameEn: 'SHENZHEN PEARL RIVER ELECTRONICS CO., LTD.',
    nameZh: '深圳珠江电子有限公司',
  },
  {
    key: 'orient',
    kind: 'agency',
    parent: 'shanghai',
    code: '91310104MA1G8E6T0D',
    nameEn: 'SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD.',
    nameZh: '上海东方报关有限公司',
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  organisation: string;
  roles: Role[];
  offices: string[];
  /** What the README says this login shows. */
  description: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Chen Jing (陈静)',
    organisation: 'gacc',
    roles: ['customs_admin'],
    offices: [],
    description: 'customs administrator: organisations, users, audit trail, background jobs',
  },
  {
    username: 'officer.wang',
    displayName: 'Wang Lei (王磊)',
    organisation: 'shanghai',
    roles: ['customs_officer'],
    offices: ['shanghai', 'ningbo'],
    description: 'customs officer of Shanghai and Ningbo Customs',
  },
  {
    username: 'officer.zhao',
    displayName: 'Zhao Min (赵敏)',
    organisation: 'shenzhen',
    roles: ['customs_officer'],
    offices: ['shenzhen'],
    description: 'customs officer of Shenzhen Customs',
  },
  {
    username: 'ent.admin',
    displayName: 'Liu Yang (刘洋)',
    organisation: 'everbright',
    roles: ['enterprise_admin'],
    offices: [],
    description: 'enterprise administrator (legal representative) of Shanghai Everbright Textiles',
  },
  {
    username: 'ent.clerk',
    displayName: 'Zhou Hui (周慧)',
    organisation: 'everbright',
    roles: ['enterprise_applicant'],
    offices: [],
    description: 'applicant of Shanghai Everbright Textiles',
  },
  {
    username: 'harbour.admin',
    displayName: 'Sun Tao (孙涛)',
    organisation: 'harbour',
    roles: ['enterprise_admin', 'enterprise_applicant'],
    offices: [],
    description: 'enterprise administrator and applicant of Ningbo Harbour Home Appliances',
  },
  {
    username: 'agent.li',
    displayName: 'Li Na (李娜)',
    organisation: 'orient',
    roles: ['agent_staff'],
    offices: [],
    description: 'agent staff of Shanghai Orient Customs Brokerage',
  },
];
