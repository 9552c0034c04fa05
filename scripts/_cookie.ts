import { encode } from 'next-auth/jwt';
import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
const [m] = await sql`select u.id, u.name, u.email, u.session_version, s.id as sid from users u join sessions s on s.user_id = u.id where u.email = 'soltys.cieklin@agora.local' limit 1`;
await sql.end();
const token = await encode({ token: { sub: m!.id, name: m!.name, email: m!.email, sessionVersion: m!.session_version, sid: m!.sid }, secret: 'bench-only-secret-bench-only-secret-bench', salt: 'authjs.session-token', maxAge: 7200 });
console.log(`authjs.session-token=${token}`);
