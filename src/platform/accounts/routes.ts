export function registerAccountRoutes(_r: import("../http/router.ts").Router): void {}
