import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '../domain/errors.js';

/**
 * Message files for bulk import (docs/messages.md): JSON (`{ "messages": [...] }`, an array, or one
 * message) or XML (`<ApplicationMessages><Message>...</Message></ApplicationMessages>`). XML elements
 * map to the JSON keys (PascalCase to camelCase, <Items><Item> to an array), so both formats are checked
 * by the one message schema. The HTTP import and `origo apply import` read files through this module.
 */

/** Containers whose children form a list, and the child element's name. */
const LISTS: Record<string, string> = { items: 'item', invoices: 'invoice', documents: 'document' };
const NUMBERS = new Set(['packageCount', 'quantity', 'fobValue']);
const BOOLEANS = new Set(['submit', 'accepted']);
/** Blocks that are absent when empty (`<BackToBack/>` means none). */
const OPTIONAL_BLOCKS = new Set(['nonPartyCompany', 'backToBack', 'exhibition']);

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function convert(key: string, value: unknown): unknown {
  if (key in LISTS) {
    if (value === '' || value === undefined) return [];
    const childName = LISTS[key]!;
    const container = value as Record<string, unknown>;
    const child = container[childName.charAt(0).toUpperCase() + childName.slice(1)] ?? container[childName];
    const entries = Array.isArray(child) ? child : child === undefined ? [] : [child];
    return entries.map((entry) => convertObject(entry));
  }
  if (OPTIONAL_BLOCKS.has(key) && value === '') return null;
  if (NUMBERS.has(key)) {
    if (value === '' || value === undefined) return null;
    const number = Number(value);
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? number : value;
  }
  if (BOOLEANS.has(key)) return value === 'true' ? true : value === 'false' ? false : value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return convertObject(value);
  return value;
}

function convertObject(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value === '' ? {} : value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([name, child]) => {
      const key = camel(name);
      return [key, convert(key, child)];
    }),
  );
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  isArray: (name) => name === 'Message' || name === 'Item' || name === 'Invoice' || name === 'Document',
});

/** The messages in an XML message file. */
export function messagesFromXml(xml: string): unknown[] {
  // No document type declarations: they carry entity definitions that can expand without bound.
  if (/<!DOCTYPE/i.test(xml))
    throw new DomainError('MALFORMED_REQUEST', 'XML message files may not contain a DOCTYPE declaration.');
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new DomainError('MALFORMED_REQUEST', `The XML cannot be read: ${(error as Error).message}`);
  }
  const root = document.ApplicationMessages as Record<string, unknown> | undefined;
  const messages = root ? root.Message : document.Message;
  if (!Array.isArray(messages))
    throw new DomainError(
      'VALIDATION_FAILED',
      'An XML message file holds <ApplicationMessages> with <Message> elements.',
      [{ path: '', code: 'no_messages', message: 'Put each application in a <Message> element.' }],
    );
  return messages.map((message) => convertObject(message));
}

/** The messages in a JSON message file or body. */
export function messagesFromJson(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null) {
    const messages = (body as { messages?: unknown }).messages;
    if (Array.isArray(messages)) return messages;
    if ('header' in body) return [body];
  }
  throw new DomainError('VALIDATION_FAILED', 'A JSON message file holds { "messages": [ ... ] }.', [
    { path: 'messages', code: 'no_messages', message: 'Put the messages in a "messages" array.' },
  ]);
}

/** The messages of a file's text, JSON or XML by its first character. */
export function messagesFromText(text: string): unknown[] {
  const start = text.trimStart();
  if (start.startsWith('<')) return messagesFromXml(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new DomainError('MALFORMED_REQUEST', `The JSON cannot be read: ${(error as Error).message}`);
  }
  return messagesFromJson(body);
}
