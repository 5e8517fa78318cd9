import { z } from 'zod';

/**
 * Staff roles. A user with no role may only read help and the "ask your admin" answer.
 * A virksomhedskonsulent (company consultant) works with companies, company contacts and job openings,
 * and sees no citizen data beyond a job match a jobformidler shares with them.
 * `myndighedssagsbehandler` owns group 2 (rehabilitation track) cases and sits on the visitation panel.
 */
export const ROLES = [
  'screener',
  'jobformidler',
  'leder',
  'admin',
  'virksomhedskonsulent',
  'myndighedssagsbehandler',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
