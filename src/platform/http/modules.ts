import { registerFederationRoutes } from '../../federation/routes.ts';
import { registerReferralRoutes } from '../../referrals/routes.ts';
import { registerScreeningRoutes } from '../../screening/routes.ts';
import { closeScreeners } from '../../screening/screener.ts';
import { registerCaseManagementRoutes } from '../../victims/cases/routes.ts';
import { registerConsentRoutes } from '../../victims/consent/routes.ts';
import { registerDuplicatesRoutes } from '../../victims/duplicates/routes.ts';
import { registerHtcdsRoutes } from '../../victims/htcds/routes.ts';
import { registerIdentificationRoutes } from '../../victims/identification/routes.ts';
import { registerVictimsRoutes } from '../../victims/routes.ts';
import { registerAccountRoutes } from '../accounts/routes.ts';
import { registerAuditRoutes } from '../audit/routes.ts';
import { registerAuthRoutes } from '../auth/routes.ts';
import type { Router } from './router.ts';

// Each module adds its routes here, once.
export function registerModuleRoutes(router: Router): void {
  registerAuthRoutes(router);
  registerAccountRoutes(router);
  registerAuditRoutes(router);
  registerScreeningRoutes(router);
  registerVictimsRoutes(router);
  registerConsentRoutes(router);
  registerIdentificationRoutes(router);
  registerHtcdsRoutes(router);
  registerCaseManagementRoutes(router);
  registerDuplicatesRoutes(router);
  registerReferralRoutes(router);
  registerFederationRoutes(router);
}

/** What modules hold outside the database (worker threads), released when the node stops serving. */
export async function stopModules(): Promise<void> {
  await closeScreeners();
}
