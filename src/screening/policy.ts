import { definePolicy } from '../platform/http/policy.ts';

// Screening serves investigators and analysts; administrators manage the node's models.
export const screeningPolicy = definePolicy({
  'screening.screen': { roles: ['investigator', 'analyst'] },
  'screening.alerts.read': { roles: ['investigator', 'analyst'] },
  'screening.alerts.review': { roles: ['investigator', 'analyst'] },
  'screening.watchlist.read': { roles: ['investigator', 'analyst'] },
  'screening.watchlist.write': { roles: ['investigator', 'analyst'] },
  // Uploading and reading batches; which batch a caller may see is decided by batch/access.ts.
  'screening.batch.upload': { roles: ['investigator', 'analyst'] },
  'screening.batch.read': { roles: ['investigator', 'analyst'] },
  'screening.models.read': { roles: ['investigator', 'analyst', 'administrator'] },
  'screening.models.retrain': { roles: ['analyst', 'administrator'] },
});
