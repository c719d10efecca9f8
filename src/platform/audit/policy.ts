import { definePolicy } from '../http/policy.ts';

// The audit log is read by those who account for what happened on the node; only administrators
// sign checkpoints on demand (the node also signs them on its own, periodically).
export const auditPolicy = definePolicy({
  'audit.read': { roles: ['administrator', 'investigator', 'analyst', 'central_authority'] },
  'audit.checkpoints.create': { roles: ['administrator'] },
});
