import { usccCheckCharacter, USCC_ALPHABET } from '../domain/uscc.js';

/**
 * Demo data for the stand-in enterprise qualification registry: realistic, fictitious exporters with
 * valid unified social credit codes (GB 32100-2015 check character), customs registration codes under
 * their customs district, and real county-level division codes. Deterministic: the same seed gives the
 * same enterprises, so tests can name them.
 */
export interface RegistryEnterprise {
  uscc: string;
  customsCode: string;
  nameZh: string;
  /** The registered English name, when the enterprise filed one (some have none). */
  nameEn: string | null;
  addressZh: string;
  addressEn: string | null;
  divisionCode: string;
  /** The customs district code of the issuing office the enterprise belongs to. */
  customsDistrict: string;
  legalRepresentative: string;
  telephone: string;
  email: string;
  status: 'active' | 'suspended';
}

interface City {
  nameEn: string;
  nameZh: string;
  customsDistrict: string;
  counties: Array<{ code: string; nameZh: string; nameEn: string }>;
  phonePrefix: string;
}

// County codes checked against data/administrative-divisions/pca-code.json by the tests.
const CITIES: City[] = [
  {
    nameEn: 'SHANGHAI',
    nameZh: '上海市',
    customsDistrict: '2200',
    phonePrefix: '021',
    counties: [
      { code: '310115', nameZh: '浦东新区', nameEn: 'PUDONG NEW AREA' },
      { code: '310112', nameZh: '闵行区', nameEn: 'MINHANG DISTRICT' },
      { code: '310114', nameZh: '嘉定区', nameEn: 'JIADING DISTRICT' },
      { code: '310117', nameZh: '松江区', nameEn: 'SONGJIANG DISTRICT' },
    ],
  },
  {
    nameEn: 'NINGBO',
    nameZh: '宁波市',
    customsDistrict: '3100',
    phonePrefix: '0574',
    counties: [
      { code: '330206', nameZh: '北仑区', nameEn: 'BEILUN DISTRICT' },
      { code: '330212', nameZh: '鄞州区', nameEn: 'YINZHOU DISTRICT' },
      { code: '330282', nameZh: '慈溪市', nameEn: 'CIXI' },
    ],
  },
  {
    nameEn: 'SHENZHEN',
    nameZh: '深圳市',
    customsDistrict: '5300',
    phonePrefix: '0755',
    counties: [
      { code: '440304', nameZh: '福田区', nameEn: 'FUTIAN DISTRICT' },
      { code: '440305', nameZh: '南山区', nameEn: 'NANSHAN DISTRICT' },
      { code: '440306', nameZh: '宝安区', nameEn: "BAO'AN DISTRICT" },
      { code: '440307', nameZh: '龙岗区', nameEn: 'LONGGANG DISTRICT' },
    ],
  },
  {
    nameEn: 'QINGDAO',
    nameZh: '青岛市',
    customsDistrict: '4200',
    phonePrefix: '0532',
    counties: [
      { code: '370211', nameZh: '黄岛区', nameEn: 'HUANGDAO DISTRICT' },
      { code: '370214', nameZh: '城阳区', nameEn: 'CHENGYANG DISTRICT' },
    ],
  },
];

const BRANDS: Array<[string, string]> = [
  ['HUAXIN', '华鑫'],
  ['JINLONG', '金龙'],
  ['HENGTAI', '恒泰'],
  ['YONGSHENG', '永盛'],
  ['DONGFANG', '东方'],
  ['XINGYE', '兴业'],
  ['TIANYI', '天一'],
  ['HAIXING', '海星'],
  ['RUIFENG', '瑞丰'],
  ['BAOLI', '宝利'],
  ['CHANGJIANG', '长江'],
  ['MINGDA', '明达'],
  ['ZHONGHE', '中和'],
  ['LIANFA', '联发'],
  ['GUANGHUI', '光辉'],
  ['FUXING', '复兴'],
  ['SHENGDA', '盛达'],
  ['KANGTAI', '康泰'],
  ['HONGYUAN', '宏远'],
  ['JIAHE', '嘉禾'],
];

const INDUSTRIES: Array<[string, string]> = [
  ['TEXTILES', '纺织'],
  ['GARMENTS', '服饰'],
  ['HOME APPLIANCES', '家用电器'],
  ['ELECTRONICS', '电子'],
  ['MACHINERY', '机械'],
  ['FURNITURE', '家具'],
  ['CHEMICALS', '化工'],
  ['TOYS', '玩具'],
  ['FOOTWEAR', '鞋业'],
  ['AUTO PARTS', '汽车零部件'],
  ['HARDWARE', '五金'],
  ['LIGHTING', '照明'],
  ['CERAMICS', '陶瓷'],
  ['PLASTICS', '塑料制品'],
  ['SOLAR ENERGY', '光伏能源'],
];

const FORMS: Array<[string, string]> = [
  ['CO., LTD.', '有限公司'],
  ['INDUSTRIAL CO., LTD.', '实业有限公司'],
  ['IMPORT AND EXPORT CO., LTD.', '进出口有限公司'],
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '朱',
  '马',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '海燕',
];

/** A small deterministic generator (mulberry32), so the registry's contents never change by accident. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Enterprises Origo's demo data refers to (its demo enterprises and agency, and one enterprise that has
 * not yet maintained its information in Origo, for the first-time maintenance walk-through).
 */
export const WELL_KNOWN_ENTERPRISES: RegistryEnterprise[] = [
  {
    uscc: '91310115MA1K4B2X7G',
    customsCode: '2200361457',
    nameZh: '上海光大纺织有限公司',
    nameEn: 'SHANGHAI EVERBRIGHT TEXTILES CO., LTD.',
    addressZh: '上海市浦东新区金桥路1288号',
    addressEn: 'NO. 1288 JINQIAO ROAD, PUDONG NEW AREA, SHANGHAI, CHINA',
    divisionCode: '310115',
    customsDistrict: '2200',
    legalRepresentative: '刘洋',
    telephone: '021-58541200',
    email: 'export@everbright-textiles.example.cn',
    status: 'active',
  },
  {
    uscc: '91330206MA2H3C8N52',
    customsCode: '3100962214',
    nameZh: '宁波港湾家电有限公司',
    nameEn: 'NINGBO HARBOUR HOME APPLIANCES CO., LTD.',
    addressZh: '宁波市北仑区港城路66号',
    addressEn: 'NO. 66 GANGCHENG ROAD, BEILUN DISTRICT, NINGBO, CHINA',
    divisionCode: '330206',
    customsDistrict: '3100',
    legalRepresentative: '孙涛',
    telephone: '0574-86881234',
    email: 'sales@harbour-appliances.example.cn',
    status: 'active',
  },
  {
    uscc: '91440300MA5F7D1R21',
    customsCode: '5300937781',
    nameZh: '深圳珠江电子有限公司',
    nameEn: 'SHENZHEN PEARL RIVER ELECTRONICS CO., LTD.',
    addressZh: '深圳市南山区科技路18号',
    addressEn: 'NO. 18 KEJI ROAD, NANSHAN DISTRICT, SHENZHEN, CHINA',
    divisionCode: '440305',
    customsDistrict: '5300',
    legalRepresentative: '黄杰',
    telephone: '0755-26631188',
    email: 'trade@pearlriver-electronics.example.cn',
    status: 'active',
  },
  {
    uscc: '91310104MA1G8E6T0D',
    customsCode: '2200980035',
    nameZh: '上海东方报关有限公司',
    nameEn: 'SHANGHAI ORIENT CUSTOMS BROKERAGE CO., LTD.',
    addressZh: '上海市浦东新区滨海大道500号',
    addressEn: 'NO. 500 BINHAI AVENUE, PUDONG NEW AREA, SHANGHAI, CHINA',
    divisionCode: '310115',
    customsDistrict: '2200',
    legalRepresentative: '李娜',
    telephone: '021-68880035',
    email: 'desk@orient-brokerage.example.cn',
    status: 'active',
  },
  {
    uscc: '91310112MA1N5P3Q8Y',
    customsCode: '2200342268',
    nameZh: '上海明达照明有限公司',
    nameEn: 'SHANGHAI MINGDA LIGHTING CO., LTD.',
    addressZh: '上海市闵行区科技路208号',
    addressEn: 'NO. 208 KEJI ROAD, MINHANG DISTRICT, SHANGHAI, CHINA',
    divisionCode: '310112',
    customsDistrict: '2200',
    legalRepresentative: '陈明',
    telephone: '021-64301208',
    email: 'export@mingda-lighting.example.cn',
    status: 'active',
  },
];

export function generateRegistryEnterprises(count = 240, seed = 20231101): RegistryEnterprise[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const digits = (length: number) => Array.from({ length }, () => Math.floor(next() * 10)).join('');
  const enterprises: RegistryEnterprise[] = [...WELL_KNOWN_ENTERPRISES];
  const usedNames = new Set(enterprises.map((enterprise) => enterprise.nameEn ?? enterprise.nameZh));
  const usedCodes = new Set(enterprises.flatMap((enterprise) => [enterprise.uscc, enterprise.customsCode]));
  while (enterprises.length < count) {
    const city = pick(CITIES);
    const county = pick(city.counties);
    const [brandEn, brandZh] = pick(BRANDS);
    const [industryEn, industryZh] = pick(INDUSTRIES);
    const [formEn, formZh] = pick(FORMS);
    const nameEn = `${city.nameEn} ${brandEn} ${industryEn} ${formEn}`;
    if (usedNames.has(nameEn)) continue;
    // 9 = enterprise, 1 = company; then the registering division and a 9-character organisation code.
    const organisationCode = Array.from({ length: 9 }, () => pick(USCC_ALPHABET.split(''))).join('');
    const first17 = `91${county.code}${organisationCode}`;
    const uscc = `${first17}${usccCheckCharacter(first17)}`;
    // Customs registration code: 4-digit district, economic-zone digit, enterprise-type digit, serial.
    const customsCode = `${city.customsDistrict}${pick(['1', '3', '4', '9'])}${pick(['2', '3'])}${digits(4)}`;
    if (usedCodes.has(uscc) || usedCodes.has(customsCode)) continue;
    usedNames.add(nameEn);
    usedCodes.add(uscc).add(customsCode);
    const number = 1 + Math.floor(next() * 998);
    const road = pick(['Gangcheng Road', 'Xinggang Avenue', 'Keji Road', 'Jinqiao Road', 'Binhai Avenue']);
    const roadZh = {
      'Gangcheng Road': '港城路',
      'Xinggang Avenue': '兴港大道',
      'Keji Road': '科技路',
      'Jinqiao Road': '金桥路',
      'Binhai Avenue': '滨海大道',
    }[road];
    const hasEnglish = next() > 0.15;
    enterprises.push({
      uscc,
      customsCode,
      nameZh: `${city.nameZh.replace('市', '')}${brandZh}${industryZh}${formZh}`,
      nameEn: hasEnglish ? nameEn : null,
      addressZh: `${city.nameZh}${county.nameZh}${roadZh}${number}号`,
      addressEn: hasEnglish
        ? `NO. ${number} ${road.toUpperCase()}, ${county.nameEn}, ${city.nameEn}, CHINA`
        : null,
      divisionCode: county.code,
      customsDistrict: city.customsDistrict,
      legalRepresentative: `${pick(SURNAMES)}${pick(GIVEN)}`,
      telephone: `${city.phonePrefix}-${digits(8)}`,
      email: `export@${brandEn.toLowerCase()}-${industryEn.split(' ')[0]!.toLowerCase()}${enterprises.length}.example.cn`,
      status: next() > 0.03 ? 'active' : 'suspended',
    });
  }
  return enterprises;
}
