/** Paths of the admin API (bot/features/privacy/admin-routes.ts), shown on cards for what is too large for a chat. */
export const auditCsvPath = (tenantId: string, caseRef: string): string =>
  `GET /api/admin/cases/${encodeURIComponent(caseRef)}/audit.csv?tenant=${tenantId}`;
export const exportJsonPath = (tenantId: string, caseRef: string): string =>
  `GET /api/admin/cases/${encodeURIComponent(caseRef)}/export.json?tenant=${tenantId}`;
