import { definePolicy } from '../http/policy.ts';

export const authPolicy = definePolicy({
  'auth.login': { public: true },
  'auth.logout': { authenticated: true },
  'auth.me': { authenticated: true },
  'auth.password': { authenticated: true },
  'auth.totp': { authenticated: true },
});
