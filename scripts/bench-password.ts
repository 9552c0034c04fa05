/**
 * How long one argon2id hash and one verification take with Agora's parameters
 * (m = 19 MiB, t = 2, p = 1):  npx tsx --conditions=react-server scripts/bench-password.ts
 */
import { hashPassword, verifyPassword } from '@/lib/auth/password';

const runs = 20;
const hash = await hashPassword('zielony rower nad Wisłoką');
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await verifyPassword('zielony rower nad Wisłoką', hash);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`argon2id verify: median ${times[runs / 2]!.toFixed(1)} ms, max ${times[runs - 1]!.toFixed(1)} ms over ${runs} runs`);
