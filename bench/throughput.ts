import { BENCH_TENANT, BenchApp, type BenchUser } from './lib/bench-app';

/**
 * Sustained load: N simulated users for D seconds over HTTP, each alternating a read (help) and an
 * acknowledged write (a role change of their own staff member). Afterwards every acknowledged write
 * must be found in the store: no lost writes.
 */
export interface ThroughputResult {
  readonly users: number;
  readonly seconds: number;
  readonly turns: number;
  readonly turnsPerSecond: number;
  readonly errors: number;
  readonly acknowledgedWrites: number;
  readonly lostWrites: number;
}

export async function runThroughput(
  users = Number(process.env.BENCH_USERS ?? 50),
  seconds = Number(process.env.BENCH_SECONDS ?? 60),
): Promise<ThroughputResult> {
  const app = await BenchApp.start();
  try {
    const admins: BenchUser[] = [];
    const staff: BenchUser[] = [];
    for (let i = 0; i < users; i++) {
      admins.push(await app.user(`Admin ${i}`, ['admin']));
      staff.push(await app.user(`Staff ${i}`, []));
    }
    const lastAcked = new Map<string, string>();
    let turns = 0;
    let errors = 0;
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      admins.map(async (admin, i) => {
        const member = staff[i]!;
        for (let n = 0; Date.now() < deadline; n++) {
          if (n % 2 === 0) {
            const r = await app.say(admin, 'hjælp');
            turns++;
            if (r.status !== 200) errors++;
          } else {
            const role = n % 4 === 1 ? 'leder' : 'screener';
            const r = await app.execute(admin, 'admin.roles.save', {
              userId: member.aadObjectId,
              inputId: 'roles0',
              roles0: role,
            });
            turns++;
            if (r.status === 200 && r.body.includes('gemt')) lastAcked.set(member.aadObjectId, role);
            else errors++;
          }
        }
      }),
    );
    let lost = 0;
    for (const [userId, role] of lastAcked) {
      const doc = await app.app.services.directory.getUser(BENCH_TENANT, userId);
      if (doc?.roles.join() !== role) lost++;
    }
    return {
      users,
      seconds,
      turns,
      turnsPerSecond: turns / seconds,
      errors,
      acknowledgedWrites: lastAcked.size,
      lostWrites: lost,
    };
  } finally {
    await app.stop();
  }
}
