import type { EnterpriseProfileData } from '../../domain/enterprise-profile.js';
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
  /** Null for an enterprise that has not yet maintained its information in Origo. */
  code: string | null;
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
    key: 'mingda',
    kind: 'enterprise',
    parent: 'shanghai',
    code: null,
    nameEn: 'SHANGHAI MINGDA LIGHTING CO., LTD.',
    nameZh: '上海明达照明有限公司',
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
    username: 'new.admin',
    displayName: 'Chen Ming (陈明)',
    organisation: 'mingda',
    roles: ['enterprise_admin'],
    offices: [],
    description:
      'administrator of Shanghai Mingda Lighting, which has not yet maintained its information (USCC 91310112MA1N5P3Q8Y)',
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

/** Basic information of the demo enterprises that have maintained it (synchronised), by organisation key. */
export const DEMO_PROFILES: Record<string, Omit<EnterpriseProfileData, 'affiliatedOfficeId'>> = {
  everbright: {
    uscc: '91310115MA1K4B2X7G',
    customsCode: '2200361457',
    nameZh: '上海光大纺织有限公司',
    nameEn: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
    addressZh: '上海市浦东新区金桥路1288号',
    addressEn: 'NO. 1288 JINQIAO ROAD, PUDONG NEW AREA, SHANGHAI, CHINA',
    divisionCode: '310115',
    applicationMode: 'self',
    telephone: '021-58541200',
    fax: '021-58541201',
    email: 'export@everbright-textiles.example.cn',
    legalRepresentative: '刘洋',
    legalRepresentativeTelephone: '138-0000-1200',
    contactPerson: '周慧',
    contactTelephone: '021-58541288',
    signatories: [{ name: '周慧', idNumber: '310115198503127417', telephone: '021-58541288' }],
    applicantCommitment: true,
  },
  harbour: {
    uscc: '91330206MA2H3C8N52',
    customsCode: '3100962214',
    nameZh: '宁波港湾家电有限公司',
    nameEn: 'NINGBO HARBOUR HOME APPLIANCES CO., LTD.',
    addressZh: '宁波市北仑区港城路66号',
    addressEn: 'NO. 66 GANGCHENG ROAD, BEILUN DISTRICT, NINGBO, CHINA',
    divisionCode: '330206',
    applicationMode: 'agent',
    telephone: '0574-86881234',
    fax: null,
    email: 'sales@harbour-appliances.example.cn',
    legalRepresentative: '孙涛',
    legalRepresentativeTelephone: '139-0000-1234',
    contactPerson: '孙涛',
    contactTelephone: '0574-86881234',
    signatories: [{ name: '孙涛', idNumber: '330206197906051232', telephone: '0574-86881234' }],
    applicantCommitment: true,
  },
  pearl: {
    uscc: '91440300MA5F7D1R21',
    customsCode: '5300937781',
    nameZh: '深圳珠江电子有限公司',
    nameEn: 'SHENZHEN PEARL RIVER ELECTRONICS CO., LTD.',
    addressZh: '深圳市南山区科技路18号',
    addressEn: 'NO. 18 KEJI ROAD, NANSHAN DISTRICT, SHENZHEN, CHINA',
    divisionCode: '440305',
    applicationMode: 'message_import',
    telephone: '0755-26631188',
    fax: null,
    email: 'trade@pearlriver-electronics.example.cn',
    legalRepresentative: '黄杰',
    legalRepresentativeTelephone: '137-0000-1188',
    contactPerson: '黄杰',
    contactTelephone: '0755-26631188',
    signatories: [{ name: '黄杰', idNumber: '440305198809214561', telephone: '0755-26631188' }],
    applicantCommitment: true,
  },
};
