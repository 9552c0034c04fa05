import 'server-only';
import { join } from 'node:path';
import { readDeployment } from '@/db/seed/deployment';
import { getEnv } from '@/lib/env';

let cached: string | undefined;

/** The county's name from the deployment file (AGORA_DEPLOYMENT_FILE), for e-mails. */
export function countyName(): string {
  if (cached) return cached;
  const path = getEnv().AGORA_DEPLOYMENT_FILE ?? join(process.cwd(), 'db', 'seed', 'deployment.json');
  try {
    cached = readDeployment(path).county.name;
  } catch (error) {
    console.error('[mail] the deployment file cannot be read; e-mails name no county', error);
    cached = 'Agora';
  }
  return cached;
}
