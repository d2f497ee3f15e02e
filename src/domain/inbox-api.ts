import { z } from 'zod';
import { BOXES } from './inbox';

/** Inputs of the `inbox` function (消息中心). */
export const inboxInputs = {
  list: z
    .object({
      box: z.enum(BOXES).default('personal'),
      pageSize: z.number().int().min(1).max(50).default(20),
      /** Opaque cursor returned as `nextCursor` by the previous page. */
      cursor: z.string().max(200).optional(),
    })
    .strict(),
  unread: z.object({}).strict(),
  read: z.union([z.object({ id: z.string().trim().min(1).max(64) }).strict(), z.object({ all: z.literal(true), box: z.enum(BOXES).optional() }).strict()]),
  retention: z.object({}).strict(),
};
