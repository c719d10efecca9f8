import type { Router } from '../../platform/http/router.ts';
import { registerEventRoutes } from './events-routes.ts';
import { registerNoteRoutes } from './notes-routes.ts';
import { registerOrganisationRoutes } from './organisations-routes.ts';
import { registerPlanRoutes } from './plans-routes.ts';
import { registerTaskRoutes } from './tasks-routes.ts';
import { registerTeamRoutes } from './team-routes.ts';
import { registerTimelineRoutes } from './timeline-routes.ts';

// Case management routes (README.md lists them with their policies).
export function registerCaseManagementRoutes(router: Router): void {
  registerTeamRoutes(router);
  registerNoteRoutes(router);
  registerTaskRoutes(router);
  registerTimelineRoutes(router);
  registerPlanRoutes(router);
  registerEventRoutes(router);
  registerOrganisationRoutes(router);
}
