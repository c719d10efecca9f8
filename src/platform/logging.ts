import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

// Structured logs. Handlers log ids and outcomes, never bodies; these paths are censored anyway,
// in case an object with a secret is ever logged by mistake.
const REDACT = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'currentPassword',
  '*.currentPassword',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'oneTimePassword',
  '*.oneTimePassword',
];

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: 'jaring' },
  };
  return destination ? pino(options, destination) : pino(options);
}
