/** See teams-schema.js: the bundled Teams schema for a `$schema` URL, with patterns made Unicode-safe. */
export function loadTeamsSchema(schemaUrl: string): Record<string, unknown>;
export function escapeLoneBrackets(pattern: string): string;
