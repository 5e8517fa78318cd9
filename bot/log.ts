import { createHmac } from 'node:crypto';
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured logs without personal data: no names, free text, CPR or raw Teams ids. Fields that
 * could carry such data are redacted even if a caller passes them by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'fremdrift' },
      redact: {
        paths: [
          'text',
          'name',
          'displayName',
          'userName',
          'conversationId',
          'aadObjectId',
          'value',
          'data',
          '*.text',
          '*.name',
          '*.value',
          // Identifiers: a case ref goes in as hashCaseRef(...), never raw; staff ids not at all.
          'caseRef',
          '*.caseRef',
          'userId',
          '*.userId',
          'actorId',
          '*.actorId',
          '*.aadObjectId',
          'from',
          'recipient',
          'conversation',
          'activity',
        ],
        censor: '[redacted]',
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/** Case refs appear in logs only as a keyed hash, so a log line cannot be tied to a case without the key. */
export function hashCaseRef(caseRef: string, key: string | undefined): string {
  return createHmac('sha256', key ?? 'fremdrift-local-only')
    .update(caseRef)
    .digest('hex')
    .slice(0, 16);
}
