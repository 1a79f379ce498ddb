import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCertificateLayouts } from '../../src/adapters/reference/certificate-layout-files.js';
import type { ApplicationData } from '../../src/domain/application.js';
import type { Rectangle } from '../../src/domain/certificate-layouts.js';
import type { ApplicationField } from '../../src/domain/certificate-types.js';
import { countryName } from '../../src/domain/countries.js';
import { certificateDate } from '../../src/domain/endorsements.js';
import type { CertificateDocument, RenderOptions } from '../../src/pdf/render-certificate.js';
import { CertificateTextOverflowError, mm, renderCertificate } from '../../src/pdf/render-certificate.js';
import { certificateTypes, goodApplication, typeOf } from '../support/applications.js';

// Rendered certificates read back the way a customs officer abroad or a verifier would: the text poppler
// extracts, where it sits on the sheet, and the QR code decoded from the printed image.

// jsqr is CommonJS with a default export: under NodeNext the function is the namespace's `default`.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const layouts = loadCertificateLayouts(certificateTypes);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'origo-pdf-test-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const NUMBER = 'C2631000001230001';
const URL = `https://origo.example.cn/verify/${NUMBER}?k=7Hq2`;

/** A red ring on transparency: the shape of an uploaded seal (8-bit RGBA). */
function sealPng(): Buffer {
  const png = new PNG({ width: 200, height: 200 });
  for (let y = 0; y < 200; y++)
    for (let x = 0; x < 200; x++) {
      const index = (y * 200 + x) * 4;
      const distance = Math.hypot(x - 100, y - 100);
      png.data[index] = 220;
      png.data[index + 3] = distance < 96 && distance > 88 ? 255 : 0;
    }
  return PNG.sync.write(png);
}
const SEAL = sealPng();

function certificate(
  code: string,
  application: ApplicationData = goodApplication(code, 2),
): CertificateDocument {
  return {
    type: typeOf(code),
    layout: layouts.get(code)!,
    number: NUMBER,
    issuedOn: '2026-03-02',
    issuingOffice: { name: 'SHANGHAI CUSTOMS DISTRICT' },
    application,
    endorsements: [],
    images: { officeSeal: SEAL, enterpriseSeal: SEAL },
    verificationUrl: URL,
  };
}

async function renderToFile(document: CertificateDocument, options: RenderOptions, name: string) {
  const file = path.join(workDir, `${name}.pdf`);
  fs.writeFileSync(file, await renderCertificate(document, options));
  return file;
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every page's words with their boxes in points, from `pdftotext -bbox-layout`. */
function wordsByPage(file: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  const unescape = (text: string) =>
    text
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'");
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((match) => ({
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: unescape(match[5]!),
      })),
    );
}

/** The words whose centre lies inside the rectangle (mm), in reading order, joined by spaces. */
function textInside(words: Word[], rect: Rectangle): string {
  const inside = words.filter((word) => {
    const x = (word.xMin + word.xMax) / 2;
    const y = (word.yMin + word.yMax) / 2;
    return (
      x >= mm(rect.x) && x <= mm(rect.x + rect.width) && y >= mm(rect.y) && y <= mm(rect.y + rect.height)
    );
  });
  inside.sort((a, b) => (Math.abs(a.yMin - b.yMin) < 2 ? a.xMin - b.xMin : a.yMin - b.yMin));
  // A word broken after its hyphen at a line's end ("T-" / "SHIRTS") is one word again.
  return inside.reduce(
    (text, word, index) =>
      index === 0
        ? word.text
        : `${text}${text.endsWith('-') && word.yMin > inside[index - 1]!.yMax - 1 ? '' : ' '}${word.text}`,
    '',
  );
}

/** What the certificate must show for one field, taken from the application as the clerk typed it. */
function expectedValues(path: ApplicationField, data: ApplicationData): string[] {
  const [group, key] = path.replace('[]', '').split('.') as [string, string | undefined];
  const values: unknown[] =
    group === 'items' || group === 'invoices'
      ? data[group].map((entry) => (entry as Record<string, unknown>)[key!])
      : [
          key
            ? (data[group as keyof ApplicationData] as Record<string, unknown> | null)?.[key]
            : data[group as keyof ApplicationData],
        ];
  return values.flatMap((value) => {
    if (value === null || value === undefined || value === '' || typeof value === 'boolean') return [];
    if (typeof value === 'number')
      return [value.toLocaleString('en-US', { minimumFractionDigits: path.endsWith('fobValue') ? 2 : 0 })];
    const text = String(value);
    if (path.endsWith('ountry') || path === 'destinationCountry') return [countryName(text).en];
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return [certificateDate(text)];
    // transport.mode prints as "BY VESSEL"; the route's words are checked through its ports.
    if (path === 'transport.mode') return [];
    return [text];
  });
}

describe('self-print of each certificate type (layout data → PDF → pdftotext, pdftoppm)', () => {
  for (const type of certificateTypes.list()) {
    it(`${type.code}: every box's value is inside that box, and the QR code reads the verification link`, async () => {
      const data = goodApplication(type.code, 2);
      const document = certificate(type.code, data);
      document.endorsements = [{ box: type.retroactive.box, text: type.retroactive.marking }];
      const file = await renderToFile(document, { mode: 'self' }, `self-${type.code}`);
      const [words] = wordsByPage(file) as [Word[]];
      const layout = layouts.get(type.code)!;
      const checked: string[] = [];
      for (const box of layout.boxes) {
        const found = textInside(words, box.rect);
        const fields = type.boxes.find((entry) => entry.number === box.number)!.fields;
        for (const field of fields)
          for (const value of expectedValues(field.path, data)) {
            expect(found, `box ${box.number} (${field.path})`).toContain(value);
            checked.push(field.path);
          }
        if (box.fill === 'certification') expect(found).toContain('SHANGHAI CUSTOMS DISTRICT');
        if (box.number === type.retroactive.box) expect(found).toContain(type.retroactive.marking);
      }
      expect(checked).toEqual(
        expect.arrayContaining(['exporter.name', 'consignee.name', 'items[].hsCode', 'invoices[].number']),
      );
      expect(textInside(words, layout.number.rect)).toContain(NUMBER);
      expect(textInside(words, layout.pageNumber.rect)).toBe('Page 1 of 1');

      execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, file]);
      const image = PNG.sync.read(fs.readFileSync(`${file}.png`));
      const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      expect(code?.data).toBe(URL);
    });
  }
});

describe('continuation pages', () => {
  it('a 40-item certificate continues on further pages, each with the number and "Page x of y"', async () => {
    const file = await renderToFile(certificate('C', goodApplication('C', 40)), { mode: 'self' }, 'forty');
    const pages = wordsByPage(file);
    expect(pages.length).toBeGreaterThan(1);
    const layout = layouts.get('C')!;
    const descriptions: string[] = [];
    pages.forEach((words, index) => {
      expect(textInside(words, layout.number.rect)).toContain(NUMBER);
      expect(textInside(words, layout.pageNumber.rect)).toBe(`Page ${index + 1} of ${pages.length}`);
      const goods = textInside(words, layout.boxes.find((box) => box.number === '7')!.rect);
      descriptions.push(...[...goods.matchAll(/STYLE (\d+)\*\*\*/g)].map((match) => match[1]!));
    });
    // Every item once, in order, none lost at a page break.
    expect(descriptions).toEqual(Array.from({ length: 40 }, (_, index) => String(index + 1)));
  });
});

describe('template print', () => {
  it('draws no box titles, form wording or heading, only the data, moved by the printer offset', async () => {
    const layout = layouts.get('RC')!;
    const plain = wordsByPage(await renderToFile(certificate('RC'), { mode: 'template' }, 'template-0'))[0]!;
    const text = plain.map((word) => word.text).join(' ');
    for (const box of layout.boxes) expect(text).not.toContain(box.title);
    expect(text).not.toContain('It is hereby certified');
    expect(text).not.toContain(layout.title.lines[0]);
    expect(text).not.toContain(layout.number.label);
    expect(textInside(plain, layout.boxes[0]!.rect)).toContain('SHANGHAI EVERBRIGHT TEXTILE CO., LTD.');

    const shifted = wordsByPage(
      await renderToFile(
        certificate('RC'),
        { mode: 'template', printerOffset: { dx: 3, dy: -2 } },
        'template-1',
      ),
    )[0]!;
    const find = (words: Word[], text: string) => words.find((word) => word.text === text)!;
    for (const anchor of [NUMBER, 'NORDIC', 'EB-2026-0117']) {
      expect(find(shifted, anchor).xMin - find(plain, anchor).xMin).toBeCloseTo(mm(3), 1);
      expect(find(shifted, anchor).yMin - find(plain, anchor).yMin).toBeCloseTo(mm(-2), 1);
    }
  });

  it('draws no images and no QR code', async () => {
    const file = await renderToFile(certificate('C'), { mode: 'template' }, 'template-images');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n');
    expect(images.length).toBe(2); // the header lines only
    const self = await renderToFile(certificate('C'), { mode: 'self' }, 'self-images');
    // Two seals, each a colour image with its soft mask.
    expect(execFileSync('pdfimages', ['-list', self], { encoding: 'utf8' }).trim().split('\n').length).toBe(
      2 + 4,
    );
  });
});

describe('Chinese text, the signed payload, text that does not fit', () => {
  it('Chinese remarks and office name come back as the same characters, in their boxes', async () => {
    const data = goodApplication('RC', 1);
    data.remarks = '货物由上海浦东新区仓库发出 REF 17';
    const document = certificate('RC', data);
    document.issuingOffice = { name: 'SHANGHAI CUSTOMS DISTRICT', nameZh: '中华人民共和国上海海关' };
    const [words] = wordsByPage(await renderToFile(document, { mode: 'self' }, 'chinese')) as [Word[]];
    const layout = layouts.get('RC')!;
    const box = (number: string) => layout.boxes.find((entry) => entry.number === number)!.rect;
    expect(textInside(words, box('14'))).toContain('货物由上海浦东新区仓库发出 REF 17');
    expect(textInside(words, box('16'))).toContain('中华人民共和国上海海关');
  });

  it('stores the signed payload in the information dictionary under OrigoSignedPayload', async () => {
    const jws =
      'eyJhbGciOiJFZERTQSIsImtpZCI6IjIwMjYtMDEifQ.eyJudW1iZXIiOiJDMjYzMTAwMDAwMTIzMDAwMSJ9.c2lnbmF0dXJl';
    const file = await renderToFile({ ...certificate('E'), signedPayload: jws }, { mode: 'self' }, 'signed');
    const info = execFileSync('pdfinfo', ['-custom', file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`^OrigoSignedPayload:\\s*${jws.replaceAll('.', '\\.')}$`, 'm'));
    const unsigned = await renderToFile(certificate('E'), { mode: 'self' }, 'unsigned');
    expect(execFileSync('pdfinfo', ['-custom', unsigned], { encoding: 'utf8' })).not.toContain(
      'OrigoSignedPayload',
    );
  });

  it('shrinks long remarks to fit, and refuses (naming the box) what cannot fit at 5 pt', async () => {
    const data = goodApplication('K', 1);
    data.remarks = 'GOODS INSPECTED AT THE FACTORY BEFORE LOADING. '.repeat(6).trim();
    const [words] = wordsByPage(await renderToFile(certificate('K', data), { mode: 'self' }, 'long')) as [
      Word[],
    ];
    const remarks = layouts.get('K')!.boxes.find((box) => box.number === '5')!.rect;
    expect(textInside(words, remarks)).toContain(data.remarks);

    data.remarks = 'GOODS INSPECTED AT THE FACTORY BEFORE LOADING. '.repeat(60).trim();
    await expect(renderCertificate(certificate('K', data), { mode: 'self' })).rejects.toThrow(
      CertificateTextOverflowError,
    );
  });
});
