// Writes docs/messages/application-message.schema.json from the message schema the server checks with
// (src/domain/application-message.ts). A test fails when the committed file falls behind.
//   npx tsx scripts/write-message-schema.ts
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { applicationMessageSchema } from '../src/domain/application-message.js';

export const MESSAGE_SCHEMA_FILE = path.resolve(
  import.meta.dirname,
  '..',
  'docs',
  'messages',
  'application-message.schema.json',
);

export function messageJsonSchema(): string {
  const schema = {
    title: 'Origo application message',
    ...z.toJSONSchema(applicationMessageSchema, { io: 'input' }),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(MESSAGE_SCHEMA_FILE, messageJsonSchema());
  console.log(`Wrote ${MESSAGE_SCHEMA_FILE}`);
}
