import { z } from 'zod';

// The JSON every federation message travels in. The signature covers its bytes (content-digest);
// `id` repeats the signed `jaring-message-id` header, `from` the signature's keyid.

export const envelopeSchema = z
  .object({
    id: z.string().uuid(),
    from: z.string().uuid(),
    to: z.string().uuid(),
    type: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[a-z]+(\.[a-z_]+)+$/, 'must look like referral.offer'),
    version: z.number().int().positive(),
    conversation: z.string().uuid(),
    seq: z.number().int().positive(),
    sentAt: z.string().datetime(),
    body: z.unknown(),
  })
  .strict();

export type Envelope = z.infer<typeof envelopeSchema>;

export const INBOX_PATH = '/api/federation/inbox';
export const PEERING_PATH = '/api/federation/peering';
