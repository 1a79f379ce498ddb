import type { ApplicationData } from '../../src/domain/application.js';

export const EVERBRIGHT_USCC = '91310115MA1K4B2X7G';

/** A small real-looking PDF invoice, for messages and uploads. */
export const INVOICE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.alloc(2000, 32),
]);

/** An application as a message (docs/messages.md), with the invoice carried inline. */
export function messageOf(
  typeCode: string,
  data: ApplicationData,
  header: { messageId: string; uscc?: string; submit?: boolean },
  documents = [{ kind: 'invoice', fileName: 'invoice.pdf', content: INVOICE_PDF.toString('base64') }],
) {
  const { items, invoices, thirdPartyInvoicing, backToBack, exhibition, commitment, ...body } = data;
  return {
    header: {
      messageId: header.messageId,
      enterpriseUscc: header.uscc ?? EVERBRIGHT_USCC,
      certificateType: typeCode,
      submit: header.submit ?? true,
    },
    body,
    items,
    invoices,
    nonPartyCompany: thirdPartyInvoicing,
    backToBack,
    exhibition,
    commitment: { accepted: commitment },
    documents,
  };
}

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const LIST_CHILD: Record<string, string> = { items: 'Item', invoices: 'Invoice', documents: 'Document' };

function element(key: string, value: unknown, indent: string): string {
  const name = pascal(key);
  if (value === null || value === undefined || value === '') return `${indent}<${name}/>`;
  if (Array.isArray(value)) {
    const child = LIST_CHILD[key]!;
    const inner = value.map((entry) =>
      element(child.charAt(0).toLowerCase() + child.slice(1), entry, `${indent}  `),
    );
    return `${indent}<${name}>\n${inner.join('\n')}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value).map(([childKey, child]) => element(childKey, child, `${indent}  `));
    return `${indent}<${name}>\n${inner.join('\n')}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escape(String(value))}</${name}>`;
}

/** Messages as an XML message file. */
export function messagesToXml(messages: Array<Record<string, unknown>>): string {
  const body = messages.map((message) => element('message', message, '  ')).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ApplicationMessages>\n${body}\n</ApplicationMessages>\n`;
}
