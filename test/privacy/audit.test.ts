import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ManualClock } from '../../bot/domain/clock';
import { TenantSettingsSchema, defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { AuditLog } from '../../bot/store/audit-log';
import { BotHarness, TEST_TENANT, cardText } from '../harness/bot-harness';
import { addAuditEntry, adminGet, allItems, seedCase } from './fixtures';
import { elementsOf } from '../case/fixtures';

const ADMIN_API_TOKEN = 'a'.repeat(40);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('audit log is append-only', () => {
  it('AuditLog offers append and reads, and no way to change or delete an entry', () => {
    const methods = Object.getOwnPropertyNames(AuditLog.prototype).filter((m) => m !== 'constructor');
    expect(methods.sort()).toEqual(['append', 'listForCase', 'listSince']);
    const source = readFileSync(path.join(__dirname, '../../bot/store/audit-log.ts'), 'utf8');
    expect(source).not.toMatch(/replaceIfMatch|upsertDoc|deleteDoc|\.replace\(|\.upsert\(|\.delete\(|\.patch\(/);
  });

  it('only the audit log (append) names the audit container; dynamic container access is in reviewed files only', () => {
    const root = path.join(__dirname, '../../bot');
    const files = sourceFiles(root).map((f) => ({
      name: path.relative(root, f).split(path.sep).join('/'),
      source: readFileSync(f, 'utf8'),
    }));
    expect(
      files.filter((f) => /containers\.audit\b|containers\[['"]audit['"]\]/.test(f.source)).map((f) => f.name),
    ).toEqual(['store/audit-log.ts']);
    // Reviewed: case-partition.ts is typed to the two case containers; purge.ts deletes only what has
    // expired (test/privacy/retention.test.ts); cosmos-snapshot.ts persists the embedded store as it is.
    const dynamic = files
      .filter((f) => /containers\[(?!['"])|Object\.entries\(containers\)/.test(f.source))
      .map((f) => f.name);
    expect(dynamic.sort()).toEqual([
      'features/retention/purge.ts',
      'store/case-partition.ts',
      'store/cosmos-snapshot.ts',
    ]);
  });

  it('keeps entries at least 6 months: retention below 183 days is refused, and the default is 183', () => {
    expect(defaultTenantSettings().auditRetentionDays).toBe(183);
    expect(TenantSettingsSchema.safeParse({ auditRetentionDays: 182 }).success).toBe(false);
    expect(TenantSettingsSchema.safeParse({ auditRetentionDays: 400 }).success).toBe(true);
  });
});

describe("log for sag <ref>: a citizen's access log (art. 15)", () => {
  const clock = new ManualClock(new Date('2026-11-02T09:00:00Z'));
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock, env: { ADMIN_API_TOKEN } });
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-LOG1-AAAA' });
    // Two look-ups on 1 Oct (one just before midnight UTC = 2 Oct in Copenhagen), a change, and a refused attempt.
    await addAuditEntry(h.services, {
      tenantId: TEST_TENANT,
      caseRef: 'FR-LOG1-AAAA',
      at: '2026-10-01T08:15:00Z',
      purpose: 'screening',
      actorId: 'staff-anna',
    });
    await addAuditEntry(h.services, {
      tenantId: TEST_TENANT,
      caseRef: 'FR-LOG1-AAAA',
      at: '2026-10-01T22:30:00Z',
      purpose: 'follow_up',
      actorId: 'staff-bo',
    });
    await addAuditEntry(h.services, {
      tenantId: TEST_TENANT,
      caseRef: 'FR-LOG1-AAAA',
      at: '2026-10-05T10:00:00Z',
      purpose: 'follow_up',
      kind: 'write',
      actorId: 'staff-bo',
    });
    await addAuditEntry(h.services, {
      tenantId: TEST_TENANT,
      caseRef: 'FR-LOG1-AAAA',
      at: '2026-10-06T10:00:00Z',
      purpose: 'support',
      outcome: 'denied',
      actorId: 'staff-eve',
    });
    await addAuditEntry(h.services, {
      tenantId: TEST_TENANT,
      caseRef: 'FR-OTHER-0001',
      at: '2026-10-06T10:00:00Z',
      purpose: 'progression',
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('shows dates (Copenhagen time) and purposes of look-ups, without staff identities or refused attempts', async () => {
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    const r = await h.say(dpo, 'log for sag fr-log1-aaaa');
    expect(r.cards).toHaveLength(1);
    const text = cardText(r.cards[0]);
    expect(text).toContain('Adgangslog for sag FR-LOG1-AAAA');
    // Dates in the long form every other card uses, not ISO.
    expect(text).toContain('3 registreringer fra 1. oktober 2026 til 5. oktober 2026');
    expect(text).toContain('2. oktober 2026'); // 22:30 UTC on 1 Oct is 00:30 on 2 Oct in Copenhagen
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}\n/);
    expect(text).toContain('Screening');
    expect(text).toContain('Opfølgning');
    expect(text).toContain('1 registrering');
    expect(text).not.toContain('Support'); // the refused attempt touched no data
    expect(text).not.toContain('Progressionsmåling'); // another case
    for (const staff of ['staff-anna', 'staff-bo', 'staff-eve', 'jobformidler']) expect(text).not.toContain(staff);
  });

  it('gives the same rows as CSV in the card, to paste into the reply', async () => {
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    const r = await h.say(dpo, 'log for sag FR-LOG1-AAAA');
    const csvInput = JSON.stringify(r.cards[0]).match(/"id":"csv"[^}]*"value":"([^"]*)"/);
    const csv = JSON.parse(`"${csvInput?.[1] ?? ''}"`) as string;
    // The first three are the seeded entries; later lines are this test file's own extracts (audited too).
    expect(csv.split('\r\n').slice(0, 4)).toEqual([
      'dato,tid,formål,type',
      '2026-10-01,10:15,Screening,Opslag',
      '2026-10-02,00:30,Opfølgning,Opslag',
      '2026-10-05,12:00,Opfølgning,Registrering',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('answers in English for an English-speaking admin', async () => {
    const dpo = await h.userWithRoles('Dana', ['admin'], { locale: 'en-GB' });
    const r = await h.say(dpo, 'log for case FR-LOG1-AAAA');
    expect(cardText(r.cards[0])).toContain('Access log of case FR-LOG1-AAAA');
    expect(cardText(r.cards[0])).toContain('Follow-up');
  });

  it('audits the extract itself as a data subject request', async () => {
    const before = (await allItems(h.services.store.containers.audit)).length;
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    await h.say(dpo, 'log for sag FR-LOG1-AAAA');
    const entries = await allItems(h.services.store.containers.audit);
    expect(entries.length).toBe(before + 1);
    const last = entries.find((e) => e.actorId === dpo.aadObjectId && e.action === 'audit.extract');
    expect(last).toMatchObject({
      caseRef: 'FR-LOG1-AAAA',
      purpose: 'data_subject_request',
      kind: 'read',
      outcome: 'ok',
    });
  });

  it('is for admins only, and only in a 1:1 chat', async () => {
    const jf = await h.userWithRoles('Jens', ['jobformidler']);
    expect((await h.say(jf, 'log for sag FR-LOG1-AAAA')).texts.join()).toContain('Det har din rolle ikke adgang til');
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    const inChannel = await h.say(dpo, 'log for sag FR-LOG1-AAAA', { kind: 'channel', teamId: '19:team@thread.tacv2' });
    expect(cardText(inChannel.cards[0])).toContain('vises kun i din 1:1-chat');
  });

  it('says so when the municipality has no such case', async () => {
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    expect((await h.say(dpo, 'log for sag FR-NONE-0000')).texts.join()).toContain('ingen data om sag FR-NONE-0000');
  });

  it('groups a busy day by purpose, with the number of look-ups and changes', async () => {
    await seedCase(h.services, { tenantId: TEST_TENANT, caseRef: 'FR-BUSY-0001' });
    // 33 entries on one day: follow-up look-ups and changes interleaved, and two screening look-ups.
    for (let i = 0; i < 33; i++)
      await addAuditEntry(h.services, {
        tenantId: TEST_TENANT,
        caseRef: 'FR-BUSY-0001',
        at: `2026-10-20T${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00Z`,
        purpose: i === 3 || i === 20 ? 'screening' : 'follow_up',
        kind: i % 3 === 0 && i !== 3 ? 'write' : 'read',
        actorId: 'staff-bo',
      });
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    const card = (await h.say(dpo, 'log for sag FR-BUSY-0001')).cards[0];
    const rows = elementsOf(card, 'TableRow')
      .slice(1)
      .map((row) => cardText(row).split('\n'));
    expect(rows).toEqual([
      ['20. oktober 2026', 'Opfølgning', '21 opslag · 10 registreringer'],
      ['20. oktober 2026', 'Screening', '2 opslag'],
    ]);
  });

  it('serves the complete CSV from the admin API, with its own credential, audited as an API access', async () => {
    const path = `/api/admin/cases/FR-LOG1-AAAA/audit.csv?tenant=${TEST_TENANT}`;
    expect((await adminGet(h, path, undefined)).status).toBe(401);
    expect((await adminGet(h, path, 'b'.repeat(40))).status).toBe(401);
    const r = await adminGet(h, path, ADMIN_API_TOKEN);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.body.split('\r\n').slice(0, 2)).toEqual(['dato,tid,formål,type', '2026-10-01,10:15,Screening,Opslag']);
    const api = (await allItems(h.services.store.containers.audit)).filter((e) => e.channel === 'api');
    expect(api).toEqual([
      expect.objectContaining({ action: 'audit.extract', actorId: 'admin-api', caseRef: 'FR-LOG1-AAAA' }),
    ]);
  });

  it("stamps every entry with the tenant's audit retention (TTL and expiry date)", async () => {
    const settings = { ...(await h.services.directory.getSettings(TEST_TENANT)), auditRetentionDays: 400 };
    await h.services.directory.saveSettings(TEST_TENANT, settings, 'test', clock.now());
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    await h.say(dpo, 'log for sag FR-LOG1-AAAA');
    const entries = await allItems(h.services.store.containers.audit);
    const newest = entries.filter((e) => e.actorId === dpo.aadObjectId).at(-1);
    expect(newest?.ttl).toBe(400 * 86400);
    expect(newest?.expiresAt).toBe(new Date(clock.now().getTime() + 400 * 86400_000).toISOString());
  });
});
