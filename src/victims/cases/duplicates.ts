import pg from 'pg';
import { conflict, type FieldIssue } from '../../platform/http/errors.ts';

// A unique external id (or step) already taken is the client's conflict: 409 naming the field.

export async function refuseDuplicate<T>(
  constraints: Record<string, FieldIssue>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const field =
      err instanceof pg.DatabaseError && err.code === '23505' && constraints[err.constraint ?? ''];
    if (!field) throw err;
    throw conflict(`${field.path} ${field.message}.`, [field]);
  }
}

export const EXTERNAL_ID_TAKEN: FieldIssue = {
  path: 'externalId',
  code: 'taken',
  message: 'is already used in your agency',
};
