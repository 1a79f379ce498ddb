import { z } from 'zod';
import type { ApplicationData } from './application.js';
import { applicationDataSchema, goodsItemSchema } from './application.js';
import { SUPPORTING_DOCUMENT_KINDS } from './certificate-types.js';

/**
 * The system-to-system message (docs/messages.md): one application per message, in blocks as the Single
 * Window's message import has them: header, body, items, invoices, non-party company (third-party
 * invoicing), back-to-back original, exhibition, commitment, and supporting documents carried inline.
 * JSON and XML carry the same structure; XML is converted to this shape before it is checked.
 */

const body = applicationDataSchema
  .pick({
    destinationCountry: true,
    exporter: true,
    consignee: true,
    producer: true,
    transport: true,
    remarks: true,
    declaration: true,
  })
  .strict();

export const applicationMessageSchema = z
  .object({
    header: z
      .object({
        /** The sender's own id for the message, unique per enterprise: importing it again changes nothing. */
        messageId: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
        /** The applying enterprise's unified social credit code. */
        enterpriseUscc: z.string().length(18),
        certificateType: z.string().min(1).max(4),
        /** Submit to customs at once (true) or keep as a draft to finish in the portal (false). */
        submit: z.boolean().default(true),
        sentAt: z.string().max(40).optional(),
      })
      .strict(),
    body: body.default(body.parse({})),
    items: z.array(goodsItemSchema).max(200).default([]),
    invoices: applicationDataSchema.shape.invoices,
    nonPartyCompany: applicationDataSchema.shape.thirdPartyInvoicing,
    backToBack: applicationDataSchema.shape.backToBack,
    exhibition: applicationDataSchema.shape.exhibition,
    commitment: z.object({ accepted: z.boolean() }).strict().default({ accepted: false }),
    documents: z
      .array(
        z
          .object({
            kind: z.enum(SUPPORTING_DOCUMENT_KINDS),
            fileName: z.string().min(1).max(200),
            /** The file, base64-encoded. */
            content: z.string().min(1),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();

export type ApplicationMessage = z.infer<typeof applicationMessageSchema>;

/** The application a message describes. */
export function applicationDataOf(message: ApplicationMessage): ApplicationData {
  return {
    ...message.body,
    items: message.items,
    invoices: message.invoices,
    thirdPartyInvoicing: message.nonPartyCompany,
    backToBack: message.backToBack,
    exhibition: message.exhibition,
    commitment: message.commitment.accepted,
  };
}

/** The header's message id, when a message is too broken to parse but still names one (for its receipt). */
export function messageIdOf(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const header = (message as { header?: unknown }).header;
  if (typeof header !== 'object' || header === null) return null;
  const id = (header as { messageId?: unknown }).messageId;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}
