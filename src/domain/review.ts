import { z } from 'zod';

/**
 * What an officer's decision needs besides the state table: the catalogue of return reasons (data, kept
 * by the issuing authority in data/review/return-reasons.json) and the checks on a return's content.
 */

export const returnReasonCatalogueSchema = z
  .object({
    reasons: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
            en: z.string().min(1),
            zh: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type ReturnReason = z.infer<typeof returnReasonCatalogueSchema>['reasons'][number];
