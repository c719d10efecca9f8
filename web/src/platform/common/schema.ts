import * as z from 'zod/mini';

/** Server times arrive as ISO 8601 strings; epoch milliseconds are accepted too. */
export const timestamp = z.union([z.string(), z.number()]);
